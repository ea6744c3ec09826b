// SPDX-License-Identifier: MIT
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace weft::ui {

// Colours for source highlighting, taken from a palette (so dark themes work).
struct SyntaxColors
{
    QTextCharFormat keyword, string, comment, number, decorator, preprocessor;
    static SyntaxColors fromPalette(const QPalette &palette);
};

// Python: keywords, strings (triple-quoted ones across lines), comments,
// numbers and decorators.
class PythonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument *document);
    void setColors(const SyntaxColors &colors);

protected:
    void highlightBlock(const QString &text) override;

private:
    SyntaxColors m_colors;
};

} // namespace weft::ui
