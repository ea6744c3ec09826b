// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace weft::ui {

class CodeEditor;

// The gutter beside a CodeEditor; the editor paints it, since only the editor
// knows where its text blocks are.
class LineNumberArea : public QWidget
{
    Q_OBJECT
public:
    explicit LineNumberArea(CodeEditor *editor);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    CodeEditor *m_editor;
};

} // namespace weft::ui
