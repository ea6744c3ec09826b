// SPDX-License-Identifier: MIT
#include "chrometracescanner.h"

#include <QCoreApplication>
#include <cstring>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ChromeTraceScanner)
};

constexpr std::size_t npos = std::size_t(-1);

bool isWhitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}
} // namespace

ChromeTraceScanner::ChromeTraceScanner(std::string_view text)
    : m_text(text)
{
}

bool ChromeTraceScanner::fail(std::size_t offset, const QString &what)
{
    if (m_error.isEmpty())
        m_error = Tr::tr("at byte %1: %2").arg(offset).arg(what);
    m_ending = Ending::Closed;
    return false;
}

QString ChromeTraceScanner::describeByte(std::size_t offset) const
{
    if (offset >= m_text.size())
        return Tr::tr("the end of the file");
    const auto c = static_cast<unsigned char>(m_text[offset]);
    if (c >= 0x20 && c < 0x7f)
        return QStringLiteral("'%1'").arg(QChar(c));
    return Tr::tr("byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
}

void ChromeTraceScanner::keepPartial(std::size_t begin, std::size_t lastBoundary)
{
    if (lastBoundary != npos && lastBoundary > begin)
        m_partial = Slice {begin, lastBoundary};
}

bool ChromeTraceScanner::isEscapedQuote(std::size_t quote) const
{
    std::size_t backslashes = 0;
    while (backslashes < quote && m_text[quote - backslashes - 1] == '\\')
        ++backslashes;
    return backslashes % 2 == 1;
}

void ChromeTraceScanner::skipWhitespace()
{
    while (m_pos < m_text.size() && isWhitespace(m_text[m_pos]))
        ++m_pos;
}

bool ChromeTraceScanner::skipString()
{
    // An unescaped quote is preceded by an even number of backslashes;
    // memchr finds candidates far faster than a byte loop.
    std::size_t p = m_pos + 1;
    const std::size_t n = m_text.size();
    while (p < n) {
        const void *hit = std::memchr(m_text.data() + p, '"', n - p);
        if (!hit)
            break;
        const std::size_t q = std::size_t(static_cast<const char *>(hit) - m_text.data());
        std::size_t backslashes = 0;
        while (q - backslashes > m_pos + 1 && m_text[q - backslashes - 1] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0) {
            m_pos = q + 1;
            return true;
        }
        p = q + 1;
    }
    m_pos = n;
    return false;
}

bool ChromeTraceScanner::skipValue()
{
    const std::size_t n = m_text.size();
    if (m_pos >= n)
        return fail(m_pos, Tr::tr("the file ends where a value was expected"));
    const char first = m_text[m_pos];
    if (first == '"') {
        const std::size_t at = m_pos;
        return skipString() || fail(at, Tr::tr("the file ends inside a string"));
    }
    if (first == '{' || first == '[') {
        int depth = 0;
        while (m_pos < n) {
            const char c = m_text[m_pos];
            if (c == '"') {
                const std::size_t at = m_pos;
                if (!skipString())
                    return fail(at, Tr::tr("the file ends inside a string"));
                continue;
            }
            if (c == '{' || c == '[') {
                if (++depth > kMaxDepth)
                    return fail(m_pos,
                                Tr::tr("values nested deeper than %1 levels").arg(kMaxDepth));
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    ++m_pos;
                    return true;
                }
            }
            ++m_pos;
        }
        return fail(n, Tr::tr("the file ends inside a value"));
    }
    const std::size_t start = m_pos;
    while (m_pos < n && !isWhitespace(m_text[m_pos]) && m_text[m_pos] != ',' && m_text[m_pos] != '}'
           && m_text[m_pos] != ']')
        ++m_pos;
    if (m_pos == start)
        return fail(start, Tr::tr("expected a value but found %1").arg(describeByte(start)));
    return true;
}

bool ChromeTraceScanner::findTraceEvents()
{
    ++m_pos; // the opening brace
    const std::size_t n = m_text.size();
    for (;;) {
        skipWhitespace();
        if (m_pos >= n)
            return fail(m_pos, Tr::tr("the file ends before a traceEvents array was found"));
        if (m_text[m_pos] == '}')
            return fail(m_pos, Tr::tr("the object has no traceEvents array"));
        if (m_text[m_pos] != '"')
            return fail(m_pos,
                        Tr::tr("expected a member name but found %1").arg(describeByte(m_pos)));
        const std::size_t keyStart = m_pos + 1;
        if (!skipString())
            return fail(keyStart - 1, Tr::tr("the file ends inside a member name"));
        const std::string_view key = m_text.substr(keyStart, m_pos - 1 - keyStart);
        skipWhitespace();
        if (m_pos >= n || m_text[m_pos] != ':')
            return fail(
                m_pos,
                Tr::tr("expected ':' after a member name but found %1").arg(describeByte(m_pos)));
        ++m_pos;
        skipWhitespace();
        if (key == "traceEvents") {
            if (m_pos >= n || m_text[m_pos] != '[')
                return fail(
                    m_pos,
                    Tr::tr("traceEvents is not an array (found %1)").arg(describeByte(m_pos)));
            ++m_pos;
            return true;
        }
        if (!skipValue())
            return false;
        skipWhitespace();
        if (m_pos < n && m_text[m_pos] == ',') {
            ++m_pos;
            continue;
        }
        if (m_pos < n && m_text[m_pos] == '}')
            return fail(m_pos, Tr::tr("the object has no traceEvents array"));
        return fail(m_pos, Tr::tr("expected ',' or '}' but found %1").arg(describeByte(m_pos)));
    }
}

bool ChromeTraceScanner::start()
{
    if (m_text.size() >= 3 && std::memcmp(m_text.data(), "\xEF\xBB\xBF", 3) == 0)
        m_pos = 3; // a UTF-8 byte order mark, as some Windows tools write
    skipWhitespace();
    if (m_pos >= m_text.size())
        return fail(m_pos, Tr::tr("the file holds no JSON, only whitespace"));
    const char first = m_text[m_pos];
    if (first == '[') {
        ++m_pos;
        return true;
    }
    if (first == '{')
        return findTraceEvents();
    return fail(
        m_pos,
        Tr::tr("not a Chrome trace: expected '[' or '{' but found %1").arg(describeByte(m_pos)));
}

bool ChromeTraceScanner::guessSlice(std::size_t targetBytes, Slice *slice)
{
    if (failed() || m_ending != Ending::Open)
        return false;
    skipWhitespace();
    const std::size_t begin = m_pos;
    const std::size_t n = m_text.size();
    // Leave the last stretch to nextSlice(), which finds how the array ends.
    if (n - begin < 2 * targetBytes)
        return false;
    std::size_t p = begin + targetBytes;
    while (p < n - targetBytes) {
        const void *hit = std::memchr(m_text.data() + p, '}', n - p);
        if (!hit)
            return false;
        const std::size_t brace = std::size_t(static_cast<const char *>(hit) - m_text.data());
        std::size_t q = brace + 1;
        while (q < n && isWhitespace(m_text[q]))
            ++q;
        if (q < n && m_text[q] == ',') {
            slice->begin = begin;
            slice->end = brace + 1;
            m_pos = q + 1;
            return true;
        }
        p = brace + 1;
    }
    return false;
}

bool ChromeTraceScanner::nextSlice(std::size_t targetBytes, Slice *slice)
{
    if (failed() || m_ending != Ending::Open)
        return false;
    skipWhitespace();
    const std::size_t begin = m_pos;
    const std::size_t n = m_text.size();
    const char *text = m_text.data();
    // Trims whitespace and one trailing comma (tools often leave one before ]).
    auto trimmedEnd = [&](std::size_t end) {
        while (end > begin && isWhitespace(text[end - 1]))
            --end;
        if (end > begin && text[end - 1] == ',')
            --end;
        while (end > begin && isWhitespace(text[end - 1]))
            --end;
        return end;
    };
    std::size_t lastBoundary = npos;
    int depth = 0;
    std::size_t p = begin;
    while (p < n) {
        const char c = text[p];
        switch (c) {
        case '"':
            // A quote after an odd run of backslashes opens no string, even
            // outside one (malformed, but simdjson sees it so, and the cuts
            // must agree with the parser whatever the input; see
            // isEscapedQuote()).
            if (isEscapedQuote(p))
                break;
            m_pos = p;
            if (!skipString()) {
                p = n;
                depth = -1; // marks "inside a string" for the end-of-file handling
                goto endOfFile;
            }
            p = m_pos;
            continue;
        case '{':
        case '[':
            if (++depth > kMaxDepth) {
                keepPartial(begin, lastBoundary);
                return fail(p,
                            Tr::tr("an event nests values deeper than %1 levels").arg(kMaxDepth));
            }
            break;
        case '}':
        case ']':
            if (depth == 0) {
                if (c == '}') {
                    keepPartial(begin, lastBoundary);
                    return fail(p, Tr::tr("unexpected '}' in the event array"));
                }
                m_ending = Ending::Closed;
                m_pos = p + 1;
                slice->begin = begin;
                slice->end = trimmedEnd(p);
                return slice->end > slice->begin;
            }
            --depth;
            break;
        case ',':
            if (depth == 0) {
                // ",," (or "[,"): an empty element. Refused here, because a
                // slice cut between the two commas would otherwise drop it
                // while a longer slice hands it to the parser as malformed.
                std::size_t q = p;
                while (q > begin && isWhitespace(text[q - 1]))
                    --q;
                if (q == begin || text[q - 1] == ',') {
                    keepPartial(begin, lastBoundary);
                    return fail(
                        p, Tr::tr("an empty element (two commas in a row) in the event array"));
                }
                lastBoundary = p;
                if (p - begin >= targetBytes) {
                    m_pos = p + 1;
                    slice->begin = begin;
                    slice->end = p;
                    return true;
                }
            }
            break;
        default:
            break;
        }
        ++p;
    }
endOfFile:
    m_pos = n;
    slice->begin = begin;
    if (depth == 0) {
        m_ending = Ending::MissingBracket;
        slice->end = trimmedEnd(n);
    } else {
        m_ending = Ending::Truncated;
        std::size_t incomplete = lastBoundary == npos ? begin : lastBoundary + 1;
        while (incomplete < n && isWhitespace(text[incomplete]))
            ++incomplete;
        m_truncatedAt = incomplete;
        slice->end = lastBoundary == npos ? begin : lastBoundary;
    }
    return slice->end > slice->begin;
}

} // namespace weft
