// SPDX-License-Identifier: MIT
#pragma once

#include "core/derived/sequencediagram.h"
#include "core/trace.h"
#include "sequencelayout.h"

#include <QAbstractScrollArea>
#include <memory>

namespace weft::ui {

// The sequence diagram of the shown trace: lifelines across, time flowing
// down, the lifelines' names pinned on top while the rows scroll. A click on a
// row selects its event (the send, the connect, the note) as a click on the
// timeline does; the window tells it which event is selected there, and the
// row of that event is highlighted.
class SequenceView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit SequenceView(QWidget *parent = nullptr);
    ~SequenceView() override;

    void setTrace(const Trace &trace);
    // Built when first needed: a hidden panel costs a new trace nothing.
    const SequenceDiagram *diagram();
    const SequenceLayout *diagramLayout();
    // Highlights the row of this event (if it has one) and scrolls it into view.
    void setSelectedEvent(int eventIndex);
    int selectedItem() const { return m_selected; }
    // Highlights this row (an index into diagram()->items(); -1: none) and scrolls to it.
    void setSelectedItem(int item);
    // The item under a point of the viewport; -1 if none.
    int itemAt(const QPointF &viewportPos);

    // Asks for a file and writes the diagram there; false if cancelled or it failed.
    bool exportInteractively(const QString &directory);

signals:
    void eventClicked(int eventIndex);
    void exported(const QString &path);
    void exportFailed(const QString &message);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void ensureBuilt();
    void relayout();
    void updateScrollRange();

    Trace m_trace;
    std::unique_ptr<SequenceDiagram> m_diagram;
    std::unique_ptr<SequenceLayout> m_layout;
    int m_selected = -1;
    bool m_built = true; // m_diagram is the diagram of m_trace
};

} // namespace weft::ui
