#!/usr/bin/env python3
"""Fills unfinished entries of a Qt .ts catalogue from JSON maps {source: translation}.

Usage: merge-translations.py resources/translations/weft_zh_CN.ts done1.json [done2.json ...]
Only entries marked unfinished are touched; placeholders (%1, %n) must match.
A plural entry takes a string (the same text for every form: Chinese has one)
or a list, one text per form (English: ["%n thread", "%n threads"])."""
import json
import re
import sys
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(\d+|n)")


def main():
    ts_path, maps = sys.argv[1], sys.argv[2:]
    translations = {}
    for path in maps:
        with open(path, encoding="utf-8") as f:
            translations.update(json.load(f))
    tree = ET.parse(ts_path)
    filled = skipped = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        if node is None or node.get("type") != "unfinished":
            continue
        text = translations.get(source)
        if not text:
            continue
        texts = text if isinstance(text, list) else [text]
        if any(set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(t)) for t in texts):
            print(f"placeholder mismatch, left unfinished: {source!r} -> {text!r}")
            skipped += 1
            continue
        forms = node.findall("numerusform")
        if forms:
            if len(texts) == 1:  # Chinese has one plural form: the same text for each
                texts = texts * len(forms)
            if len(texts) != len(forms):
                print(f"{len(forms)} plural forms wanted, left unfinished: {source!r}")
                skipped += 1
                continue
            for form, form_text in zip(forms, texts):
                form.text = form_text
        else:
            node.text = texts[0]
        del node.attrib["type"]
        filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    with open(ts_path, encoding="utf-8") as f:
        body = f.read()
    # Keep lupdate's DOCTYPE line so the file round-trips through Linguist unchanged.
    if "<!DOCTYPE TS>" not in body:
        body = body.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        with open(ts_path, "w", encoding="utf-8") as f:
            f.write(body)
    left = sum(1 for n in tree.getroot().iter("translation") if n.get("type") == "unfinished")
    print(f"filled {filled}, placeholder mismatches {skipped}, still unfinished {left}")


if __name__ == "__main__":
    main()
