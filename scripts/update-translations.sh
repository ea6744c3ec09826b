#!/usr/bin/env bash
# Refreshes the translation catalogue from every tr() in core/, ui/ and app/.
# Translate new entries with Qt Linguist (linguist resources/translations/weft_zh_CN.ts);
# tests/app/tst_translations fails while any entry is unfinished.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
/usr/lib/qt6/bin/lupdate -locations relative -no-obsolete -extensions cpp,h \
    core ui app -ts resources/translations/weft_zh_CN.ts "$@"
