// SPDX-License-Identifier: MIT
#include "sequencedock.h"

#include "core/derived/sequencediagram.h"
#include "sequencelabels.h"
#include "sequenceview.h"

#include <QAction>
#include <QDir>
#include <QMainWindow>
#include <QScrollBar>
#include <algorithm>

namespace weft::ui {

SequenceDock::SequenceDock(QAction *showAction, QMainWindow *window)
    : QDockWidget(tr("Sequence Diagram"), window)
    , m_window(window)
    , m_action(showAction)
    , m_view(new SequenceView(this))
{
    setObjectName(QStringLiteral("sequenceDock"));
    setWidget(m_view);
    connect(showAction, &QAction::triggered, this, &SequenceDock::showDiagram);
    updateAction(showAction, Trace()); // nothing shown yet
    connect(m_view, &SequenceView::exported, this, [this](const QString &path) {
        emit statusMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_view, &SequenceView::exportFailed, this, &SequenceDock::statusMessage);
}

void SequenceDock::setTrace(const Trace &trace)
{
    m_view->setTrace(trace);
    updateAction(m_action, trace);
}

void SequenceDock::showDiagram()
{
    show();
    raise();
    m_view->setFocus();
    // A diagram squeezed into the side column scrolls sideways: widen the
    // column to it, but leave the timeline at least half the window.
    if (const SequenceLayout *layout = m_view->diagramLayout(); layout && !isFloating()) {
        const int wanted = int(layout->size().width())
            + m_view->verticalScrollBar()->sizeHint().width() + 2 * m_view->frameWidth() + 8;
        const int room = m_window->width() / 2;
        if (width() < wanted)
            m_window->resizeDocks({this}, {std::min(wanted, std::max(room, width()))},
                                  Qt::Horizontal);
    }
}

void SequenceDock::updateAction(QAction *action, const Trace &trace)
{
    // The action's own tip, kept from when it was made, comes back once a trace has sockets.
    if (!action->property("enabledTip").isValid())
        action->setProperty("enabledTip", action->toolTip());
    const bool has = SequenceDiagram::hasContent(trace);
    action->setEnabled(has);
    const QString tip = has ? action->property("enabledTip").toString()
        : trace.isEmpty()   ? tr("Run or open a trace with sockets or messages to see its sequence "
                                   "diagram.")
                            : noSequenceDiagramReason();
    action->setToolTip(tip);
    action->setStatusTip(tip);
}

} // namespace weft::ui
