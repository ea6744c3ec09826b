#!/usr/bin/env bash
# Refreshes the translation catalogues from every tr() in core/, ui/ and app/:
#   weft_zh_CN.ts  every string;
#   weft_en.ts     only the plural forms ("%n thread(s)" -> "1 thread", "2 threads"):
#                  English is the source language, but plurals need a catalogue.
# Translate new entries with Qt Linguist (linguist resources/translations/weft_zh_CN.ts)
# or scripts/merge-translations.py; the build compiles both to .qm with lrelease
# (core/CMakeLists.txt). tests/app/tst_translations fails while any entry is unfinished.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
lupdate=/usr/lib/qt6/bin/lupdate
options=(-locations relative -no-obsolete -extensions cpp,h)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

"$lupdate" "${options[@]}" core ui app -ts resources/translations/weft_zh_CN.ts "$@" 2>&1 | tee "$log"
"$lupdate" "${options[@]}" -pluralonly -target-language en core ui app \
    -ts resources/translations/weft_en.ts "$@"

# A tr() outside a Q_OBJECT or Q_DECLARE_TR_FUNCTIONS class gets a context
# lupdate guesses; the running code looks its string up elsewhere and it stays
# English. Give such a file a `struct Tr { Q_DECLARE_TR_FUNCTIONS(...) };`.
if grep -q "lacks Q_OBJECT macro" "$log"; then
    echo "warning: these tr() calls have no translation context of their own:" >&2
    grep "lacks Q_OBJECT macro" "$log" >&2
fi
