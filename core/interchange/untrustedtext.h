// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace weft {

// Text Weft did not write itself — names and texts from a trace file, a
// peer's reply, a parameter value typed by whoever shared a command line —
// passes through these before it is measured, drawn or printed.

// Labels are cut to this many characters before any shaping or measuring:
// nothing wider is ever visible, and shaping a 50 MB name costs minutes.
inline constexpr qsizetype kMaxLabelChars = 256;

// text cut to at most maxChars characters (plus "…" when cut), never
// splitting a surrogate pair. Returns text itself (shared) when short enough.
QString boundedText(const QString &text, qsizetype maxChars = kMaxLabelChars);

// text safe to print on a terminal: control characters (C0 including
// newline and tab, DEL, C1) and bidirectional overrides are shown escaped
// (\x1b, \n, \u202e) so no escape sequence reaches the terminal; a backslash
// stays as is. Printable text, CJK included, is unchanged.
QString terminalSafe(QStringView text);
// The same for raw bytes: valid UTF-8 is decoded, any other byte is shown as \xNN.
QString terminalSafe(QByteArrayView bytes);

} // namespace weft
