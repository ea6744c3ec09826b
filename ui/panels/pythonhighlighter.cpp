// SPDX-License-Identifier: MIT
#include "pythonhighlighter.h"

#include <QPalette>

namespace weft::ui {

namespace {
QTextCharFormat format(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

const QStringList &pythonKeywords()
{
    static const QStringList words = {
        QStringLiteral("False"),  QStringLiteral("None"),     QStringLiteral("True"),
        QStringLiteral("and"),    QStringLiteral("as"),       QStringLiteral("assert"),
        QStringLiteral("async"),  QStringLiteral("await"),    QStringLiteral("break"),
        QStringLiteral("class"),  QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"),    QStringLiteral("elif"),     QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"),  QStringLiteral("for"),
        QStringLiteral("from"),   QStringLiteral("global"),   QStringLiteral("if"),
        QStringLiteral("import"), QStringLiteral("in"),       QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"),     QStringLiteral("pass"),     QStringLiteral("raise"),
        QStringLiteral("return"), QStringLiteral("try"),      QStringLiteral("while"),
        QStringLiteral("with"),   QStringLiteral("yield"),    QStringLiteral("self"),
    };
    return words;
}

enum State { Plain = 0, InSingleTriple = 1, InDoubleTriple = 2 };
} // namespace

SyntaxColors SyntaxColors::fromPalette(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    SyntaxColors c;
    c.keyword = format(palette.color(QPalette::Link), true);
    c.comment = format(palette.color(QPalette::PlaceholderText), false, true);
    c.string = format(dark ? QColor(0xa5, 0xd6, 0x7f) : QColor(0x2e, 0x7d, 0x32));
    c.number = format(dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0xb3, 0x59, 0x00));
    c.decorator = format(dark ? QColor(0xe0, 0xb0, 0xff) : QColor(0x7b, 0x1f, 0xa2));
    c.preprocessor = c.decorator;
    return c;
}

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void PythonHighlighter::setColors(const SyntaxColors &colors)
{
    m_colors = colors;
    rehighlight();
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    const int n = int(text.size());
    int i = 0;
    // A triple-quoted string left open on an earlier line.
    int state = previousBlockState() > 0 ? previousBlockState() : Plain;
    if (state != Plain) {
        const QString close
            = state == InSingleTriple ? QStringLiteral("'''") : QStringLiteral("\"\"\"");
        const int end = int(text.indexOf(close));
        if (end < 0) {
            setFormat(0, n, m_colors.string);
            setCurrentBlockState(state);
            return;
        }
        setFormat(0, end + 3, m_colors.string);
        i = end + 3;
    }
    state = Plain;
    bool lineStart = text.left(i).trimmed().isEmpty();
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'#') {
            setFormat(i, n - i, m_colors.comment);
            break;
        }
        if (c == u'\'' || c == u'"') {
            const QString triple(3, c);
            if (text.mid(i, 3) == triple) {
                const int end = int(text.indexOf(triple, i + 3));
                if (end < 0) {
                    setFormat(i, n - i, m_colors.string);
                    state = c == u'\'' ? InSingleTriple : InDoubleTriple;
                    break;
                }
                setFormat(i, end + 3 - i, m_colors.string);
                i = end + 3;
                continue;
            }
            int j = i + 1;
            while (j < n && text.at(j) != c) {
                if (text.at(j) == u'\\')
                    ++j;
                ++j;
            }
            const int end = std::min(j + 1, n);
            setFormat(i, end - i, m_colors.string);
            i = end;
            lineStart = false;
            continue;
        }
        if (c == u'@' && lineStart) {
            int j = i + 1;
            while (j < n && (isIdentChar(text.at(j)) || text.at(j) == u'.'))
                ++j;
            setFormat(i, j - i, m_colors.decorator);
            i = j;
            lineStart = false;
            continue;
        }
        if (c.isDigit() && (i == 0 || !isIdentChar(text.at(i - 1)))) {
            int j = i + 1;
            while (j < n
                   && (text.at(j).isLetterOrNumber() || text.at(j) == u'.' || text.at(j) == u'_'))
                ++j;
            setFormat(i, j - i, m_colors.number);
            i = j;
            lineStart = false;
            continue;
        }
        if (isIdentChar(c)) {
            int j = i + 1;
            while (j < n && isIdentChar(text.at(j)))
                ++j;
            const QString word = text.mid(i, j - i);
            // A string prefix (f"", rb'') belongs to the string that follows.
            if (j < n && (text.at(j) == u'\'' || text.at(j) == u'"') && word.size() <= 2
                && QStringLiteral("rRbBfFuU").contains(word.at(0))) {
                i = j;
                continue;
            }
            if (pythonKeywords().contains(word))
                setFormat(i, j - i, m_colors.keyword);
            i = j;
            lineStart = false;
            continue;
        }
        if (!c.isSpace())
            lineStart = false;
        ++i;
    }
    setCurrentBlockState(state);
}

} // namespace weft::ui
