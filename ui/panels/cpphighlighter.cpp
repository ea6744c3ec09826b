// SPDX-License-Identifier: MIT
#include "cpphighlighter.h"

#include <QSet>

namespace weft::ui {

namespace {
bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

const QSet<QString> &cppKeywords()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *w : {"alignas",     "auto",         "bool",
                              "break",       "case",         "catch",
                              "char",        "class",        "const",
                              "constexpr",   "continue",     "co_await",
                              "co_return",   "co_yield",     "default",
                              "delete",      "do",           "double",
                              "else",        "enum",         "explicit",
                              "extern",      "false",        "float",
                              "for",         "friend",       "if",
                              "inline",      "int",          "long",
                              "mutable",     "namespace",    "new",
                              "noexcept",    "nullptr",      "operator",
                              "override",    "private",      "protected",
                              "public",      "return",       "short",
                              "signed",      "sizeof",       "static",
                              "static_cast", "struct",       "switch",
                              "template",    "this",         "throw",
                              "true",        "try",          "typedef",
                              "typename",    "union",        "unsigned",
                              "using",       "virtual",      "void",
                              "volatile",    "while",        "reinterpret_cast",
                              "const_cast",  "dynamic_cast", "concept",
                              "requires",    "final",        "consteval",
                              "constinit"})
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    return words;
}

enum State { Plain = 0, InComment = 1 };
} // namespace

CppHighlighter::CppHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void CppHighlighter::setColors(const SyntaxColors &colors)
{
    m_colors = colors;
    rehighlight();
}

void CppHighlighter::highlightBlock(const QString &text)
{
    const int n = int(text.size());
    int i = 0;
    if (previousBlockState() == InComment) {
        const int end = int(text.indexOf(QStringLiteral("*/")));
        if (end < 0) {
            setFormat(0, n, m_colors.comment);
            setCurrentBlockState(InComment);
            return;
        }
        setFormat(0, end + 2, m_colors.comment);
        i = end + 2;
    }
    int state = Plain;
    if (text.trimmed().startsWith(u'#') && i == 0) {
        int j = int(text.indexOf(u'#'));
        while (j < n && !text.at(j).isSpace())
            ++j;
        setFormat(0, j, m_colors.preprocessor);
        i = j;
    }
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'/' && i + 1 < n && text.at(i + 1) == u'/') {
            setFormat(i, n - i, m_colors.comment);
            break;
        }
        if (c == u'/' && i + 1 < n && text.at(i + 1) == u'*') {
            const int end = int(text.indexOf(QStringLiteral("*/"), i + 2));
            if (end < 0) {
                setFormat(i, n - i, m_colors.comment);
                state = InComment;
                break;
            }
            setFormat(i, end + 2 - i, m_colors.comment);
            i = end + 2;
            continue;
        }
        if (c == u'"' || c == u'\'') {
            int j = i + 1;
            while (j < n && text.at(j) != c) {
                if (text.at(j) == u'\\')
                    ++j;
                ++j;
            }
            const int end = std::min(j + 1, n);
            setFormat(i, end - i, m_colors.string);
            i = end;
            continue;
        }
        if (c.isDigit() && (i == 0 || !isIdentChar(text.at(i - 1)))) {
            int j = i + 1;
            while (j < n
                   && (text.at(j).isLetterOrNumber() || text.at(j) == u'.' || text.at(j) == u'\''))
                ++j;
            setFormat(i, j - i, m_colors.number);
            i = j;
            continue;
        }
        if (isIdentChar(c)) {
            int j = i + 1;
            while (j < n && isIdentChar(text.at(j)))
                ++j;
            if (cppKeywords().contains(text.mid(i, j - i)))
                setFormat(i, j - i, m_colors.keyword);
            i = j;
            continue;
        }
        ++i;
    }
    setCurrentBlockState(state);
}

} // namespace weft::ui
