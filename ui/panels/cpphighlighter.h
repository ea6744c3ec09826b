// SPDX-License-Identifier: MIT
#pragma once

#include "syntaxpalette.h"

#include <QSyntaxHighlighter>

namespace weft::ui {

// C and C++ source (the scenarios, a recorded C program): keywords, strings
// and character literals with their prefixes, raw strings and /* */ comments
// across lines, // comments, numbers (with ' separators) and preprocessor
// directives. A lexer, so "//" inside a string is a string and a quote
// inside a comment is a comment.
class CppHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit CppHighlighter(QTextDocument *document,
                            const SyntaxPalette &palette = SyntaxPalette::light());
    void setSyntaxPalette(const SyntaxPalette &palette);
    const SyntaxPalette &syntaxPalette() const { return m_palette; }

protected:
    void highlightBlock(const QString &text) override;

private:
    // Each returns the index just past what it coloured, starting at `start`;
    // what is still open at the line's end sets the block state.
    int highlightBlockComment(const QString &text, int start, int from);
    int highlightRawString(const QString &text, int start, int from, const QString &delimiter);
    int highlightQuoted(const QString &text, int start, int from, QChar quote);
    int highlightDirective(const QString &text, int hash);

    SyntaxPalette m_palette;
};

} // namespace weft::ui
