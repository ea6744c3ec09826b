// SPDX-License-Identifier: MIT
#include "untrustedtext.h"

#include <algorithm>

namespace weft {

namespace {
bool needsEscape(char32_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
        || (c >= 0x202a && c <= 0x202e) // LRE ... RLO
        || (c >= 0x2066 && c <= 0x2069) // LRI ... PDI
        || c == 0x200e || c == 0x200f // LRM, RLM
        || c == 0x2028 || c == 0x2029 // line and paragraph separators
        || c == 0xfeff; // a BOM or zero-width no-break space
}

void appendEscaped(QString &out, char32_t c)
{
    switch (c) {
    case '\n':
        out += QLatin1String("\\n");
        return;
    case '\r':
        out += QLatin1String("\\r");
        return;
    case '\t':
        out += QLatin1String("\\t");
        return;
    default:
        break;
    }
    if (c < 0x100)
        out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    else
        out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
}
} // namespace

QString boundedText(const QString &text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return text;
    qsizetype cut = std::max<qsizetype>(0, maxChars);
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut) + QChar(0x2026);
}

QString terminalSafe(QStringView text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    // Most text needs nothing: find the first character that does.
    for (; i < n; ++i) {
        const QChar c = text[i];
        if (needsEscape(c.unicode()) || c.isSurrogate())
            break;
    }
    if (i == n)
        return text.toString();
    QString out = text.left(i).toString();
    out.reserve(n + 16);
    while (i < n) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < n && text[i + 1].isLowSurrogate()) {
            out += c;
            out += text[i + 1];
            i += 2;
            continue;
        }
        if (c.isSurrogate() || needsEscape(c.unicode()))
            appendEscaped(out, c.unicode());
        else
            out += c;
        ++i;
    }
    return out;
}

QString terminalSafe(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size());
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        qsizetype len = c < 0x80 ? 1
            : (c >> 5) == 0x6    ? 2
            : (c >> 4) == 0xe    ? 3
            : (c >> 3) == 0x1e   ? 4
                                 : 0;
        bool valid = len > 0 && !(len == 2 && c < 0xc2) && i + len <= n;
        for (qsizetype k = 1; valid && k < len; ++k)
            valid = (s[i + k] & 0xc0) == 0x80;
        if (valid && len > 1) {
            // Overlong three- and four-byte forms, surrogates and values above U+10FFFF.
            char32_t cp = len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
            for (qsizetype k = 1; k < len; ++k)
                cp = (cp << 6) | (s[i + k] & 0x3f);
            valid = !(len == 3 && cp < 0x800) && !(len == 4 && (cp < 0x10000 || cp > 0x10ffff))
                && !(cp >= 0xd800 && cp <= 0xdfff);
        }
        if (!valid) {
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
            ++i;
            continue;
        }
        if (len == 1) {
            if (needsEscape(c))
                appendEscaped(out, c);
            else
                out += QLatin1Char(char(c));
            ++i;
            continue;
        }
        const QString piece = QString::fromUtf8(bytes.data() + i, len);
        out += terminalSafe(QStringView(piece));
        i += len;
    }
    return out;
}

} // namespace weft
