// SPDX-License-Identifier: MIT
#include "cpphighlighter.h"

#include <QSet>
#include <QTextBlock>
#include <QTextBlockUserData>

namespace weft::ui {

namespace {

using Role = SyntaxPalette::Role;

// Block states: what the line's end leaves open for the next line. A raw
// string's state also carries a hash of its delimiter, so that a changed
// delimiter changes the state and Qt re-highlights the lines after it.
enum State { Plain = 0, InBlockComment = 1, InRawString = 2 };
constexpr int kStateBits = 2;

// The delimiter of a raw string left open at a block's end (R"xyz( … )xyz").
class RawStringDelimiter : public QTextBlockUserData
{
public:
    explicit RawStringDelimiter(QString delimiter)
        : delimiter(std::move(delimiter))
    {
    }
    QString delimiter;
};

QSet<QString> wordSet(std::initializer_list<const char *> words)
{
    QSet<QString> set;
    for (const char *w : words)
        set.insert(QString::fromLatin1(w));
    return set;
}

const QSet<QString> &keywords()
{
    static const QSet<QString> words
        = wordSet({"alignas",   "alignof",   "auto",          "bool",         "break",
                   "case",      "catch",     "char",          "char8_t",      "char16_t",
                   "char32_t",  "class",     "co_await",      "co_return",    "co_yield",
                   "concept",   "const",     "const_cast",    "consteval",    "constexpr",
                   "constinit", "continue",  "decltype",      "default",      "delete",
                   "do",        "double",    "dynamic_cast",  "else",         "enum",
                   "explicit",  "export",    "extern",        "false",        "final",
                   "float",     "for",       "friend",        "goto",         "if",
                   "inline",    "int",       "long",          "mutable",      "namespace",
                   "new",       "noexcept",  "nullptr",       "operator",     "override",
                   "private",   "protected", "public",        "register",     "reinterpret_cast",
                   "requires",  "restrict",  "return",        "short",        "signed",
                   "sizeof",    "static",    "static_assert", "static_cast",  "struct",
                   "switch",    "template",  "this",          "thread_local", "throw",
                   "true",      "try",       "typedef",       "typeid",       "typename",
                   "union",     "unsigned",  "using",         "virtual",      "void",
                   "volatile",  "wchar_t",   "while",         "NULL"});
    return words;
}

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

bool isEncodingPrefix(const QString &word)
{
    return word == u"L" || word == u"u" || word == u"U" || word == u"u8";
}

bool isRawPrefix(const QString &word)
{
    return word.endsWith(u'R') && (word.size() == 1 || isEncodingPrefix(word.chopped(1)));
}

int rawStringState(const QString &delimiter)
{
    return InRawString | int((qHash(delimiter) & 0xffffu) << kStateBits);
}

int numberEnd(const QString &text, int i)
{
    const int n = int(text.size());
    const bool hex
        = text.at(i) == u'0' && i + 1 < n && (text.at(i + 1) == u'x' || text.at(i + 1) == u'X');
    int j = i + 1;
    while (j < n) {
        const QChar c = text.at(j);
        const QChar before = text.at(j - 1);
        const bool digitSeparator // 1'000'000
            = c == u'\'' && j + 1 < n && isIdentChar(text.at(j + 1));
        const bool exponentSign // 1e-9, 0x1p-3
            = (c == u'+' || c == u'-')
            && (hex ? (before == u'p' || before == u'P') : (before == u'e' || before == u'E'));
        if (isIdentChar(c) || c == u'.' || digitSeparator || exponentSign)
            ++j;
        else
            break;
    }
    return j;
}

} // namespace

CppHighlighter::CppHighlighter(QTextDocument *document, const SyntaxPalette &palette)
    : QSyntaxHighlighter(document)
    , m_palette(palette)
{
}

void CppHighlighter::setSyntaxPalette(const SyntaxPalette &palette)
{
    m_palette = palette;
    rehighlight();
}

int CppHighlighter::highlightBlockComment(const QString &text, int start, int from)
{
    const int close = int(text.indexOf(QStringLiteral("*/"), from));
    const int end = close < 0 ? int(text.size()) : close + 2;
    setFormat(start, end - start, m_palette.format(Role::Comment));
    if (close < 0)
        setCurrentBlockState(InBlockComment);
    return end;
}

int CppHighlighter::highlightRawString(const QString &text, int start, int from,
                                       const QString &delimiter)
{
    const QString closing = u')' + delimiter + u'"';
    const int close = int(text.indexOf(closing, from));
    const int end = close < 0 ? int(text.size()) : close + int(closing.size());
    setFormat(start, end - start, m_palette.format(Role::String));
    if (close < 0) {
        setCurrentBlockState(rawStringState(delimiter));
        setCurrentBlockUserData(new RawStringDelimiter(delimiter));
    }
    return end;
}

int CppHighlighter::highlightQuoted(const QString &text, int start, int from, QChar quote)
{
    const int n = int(text.size());
    int j = from;
    while (j < n && text.at(j) != quote)
        j += text.at(j) == u'\\' ? 2 : 1;
    const int end = std::min(j + 1, n);
    setFormat(start, end - start, m_palette.format(Role::String));
    return end;
}

int CppHighlighter::highlightDirective(const QString &text, int hash)
{
    const int n = int(text.size());
    int j = hash + 1;
    while (j < n && text.at(j).isSpace())
        ++j;
    const int nameStart = j;
    while (j < n && isIdentChar(text.at(j)))
        ++j;
    setFormat(hash, j - hash, m_palette.format(Role::Preprocessor));
    const QString name = text.mid(nameStart, j - nameStart);
    if (name != u"include" && name != u"import")
        return j;
    // #include <header>: the header name is a string, as "header" is.
    while (j < n && text.at(j).isSpace())
        ++j;
    if (j < n && text.at(j) == u'<') {
        const int close = int(text.indexOf(u'>', j));
        const int end = close < 0 ? n : close + 1;
        setFormat(j, end - j, m_palette.format(Role::String));
        return end;
    }
    return j;
}

void CppHighlighter::highlightBlock(const QString &text)
{
    const int n = int(text.size());
    setCurrentBlockState(Plain);
    setCurrentBlockUserData(nullptr);
    int i = 0;
    const int previous = std::max(previousBlockState(), 0);
    if (previous == InBlockComment) {
        i = highlightBlockComment(text, 0, 0);
    } else if ((previous & ((1 << kStateBits) - 1)) == InRawString) {
        const auto *open = static_cast<RawStringDelimiter *>(currentBlock().previous().userData());
        i = highlightRawString(text, 0, 0, open ? open->delimiter : QString());
    }
    int firstVisible = 0;
    while (firstVisible < n && text.at(firstVisible).isSpace())
        ++firstVisible;
    if (i == 0 && firstVisible < n && text.at(firstVisible) == u'#')
        i = highlightDirective(text, firstVisible);
    while (i < n) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        if (c == u'/' && next == u'/') {
            setFormat(i, n - i, m_palette.format(Role::Comment));
            return;
        }
        if (c == u'/' && next == u'*') {
            i = highlightBlockComment(text, i, i + 2);
            continue;
        }
        if (c == u'"' || c == u'\'') {
            i = highlightQuoted(text, i, i + 1, c);
            continue;
        }
        if (c.isDigit() || (c == u'.' && next.isDigit())) {
            const int end = numberEnd(text, i);
            setFormat(i, end - i, m_palette.format(Role::Number));
            i = end;
            continue;
        }
        if (isIdentStart(c)) {
            int j = i + 1;
            while (j < n && isIdentChar(text.at(j)))
                ++j;
            const QString word = text.mid(i, j - i);
            const QChar after = j < n ? text.at(j) : QChar();
            if (after == u'"' && isRawPrefix(word)) {
                // R"delimiter( … )delimiter"; the delimiter is at most 16 characters.
                const int paren = int(text.indexOf(u'(', j + 1));
                if (paren >= 0 && paren - j - 1 <= 16) {
                    i = highlightRawString(text, i, paren + 1, text.mid(j + 1, paren - j - 1));
                    continue;
                }
            }
            if ((after == u'"' || after == u'\'') && isEncodingPrefix(word)) {
                i = highlightQuoted(text, i, j + 1, after);
                continue;
            }
            if (keywords().contains(word))
                setFormat(i, j - i, m_palette.format(Role::Keyword));
            i = j;
            continue;
        }
        ++i;
    }
}

} // namespace weft::ui
