// SPDX-License-Identifier: MIT
#pragma once

#include "syntaxpalette.h"

#include <QSyntaxHighlighter>

namespace weft::ui {

// Python source (a recorded script, a Python scenario): keywords, builtins
// such as print and range, self and cls, strings with their prefixes
// (triple-quoted ones across lines), comments, numbers and decorators.
// A lexer rather than a list of regular expressions, so a '#' inside a
// string never starts a comment and a quote inside a comment never starts a
// string.
class PythonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument *document,
                               const SyntaxPalette &palette = SyntaxPalette::light());
    void setSyntaxPalette(const SyntaxPalette &palette);
    const SyntaxPalette &syntaxPalette() const { return m_palette; }

protected:
    void highlightBlock(const QString &text) override;

private:
    // Colours the string whose body starts at `from` and returns the index
    // just past it; a string still open at the line's end sets the block state.
    int highlightString(const QString &text, int start, int from, QChar quote, bool triple);

    SyntaxPalette m_palette;
};

} // namespace weft::ui
