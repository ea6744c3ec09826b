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

    int lineNumberAreaWidth() const;
    void paintLineNumberArea(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);

    QWidget *m_lineNumberArea;
    int m_highlightedLine = 0;
};

} // namespace weft::ui
