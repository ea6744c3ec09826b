// SPDX-License-Identifier: MIT
#pragma once

#include <QPlainTextEdit>

namespace weft::ui {

// A read-only, monospace source view with a line-number gutter and one
// highlighted line (the line of the current event).
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);

    // 1-based; 0 clears the highlight. Scrolls the line into the middle.
    void highlightLine(int line);
    int highlightedLine() const { return m_highlightedLine; }
    // Only a background: the line keeps its syntax colours, so the colour
    // must keep them readable (SyntaxPalette::currentLine()).
    void setCurrentLineBackground(const QColor &color);
    QColor currentLineBackground() const { return m_currentLineBackground; }

    int lineNumberAreaWidth() const;
    void paintLineNumberArea(QPaintEvent *event);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateLineSelection();
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);

    QWidget *m_lineNumberArea;
    int m_highlightedLine = 0;
    QColor m_currentLineBackground = QColor(0xff, 0xe2, 0x7a);
};

} // namespace weft::ui
