// SPDX-License-Identifier: MIT
#pragma once

#include "pythonhighlighter.h"

namespace weft::ui {

// C and C++ (the scenario sources): keywords, strings and character literals,
// // and /* */ comments (across lines), numbers and preprocessor lines.
class CppHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit CppHighlighter(QTextDocument *document);
    void setColors(const SyntaxColors &colors);

protected:
    void highlightBlock(const QString &text) override;

private:
    SyntaxColors m_colors;
};

} // namespace weft::ui
