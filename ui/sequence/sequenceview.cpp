// SPDX-License-Identifier: MIT
#include "sequenceview.h"

#include "sequenceexporter.h"
#include "sequencelabels.h"
#include "sequencerenderer.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/themenotifier.h"

#include <QContextMenuEvent>
#include <QDir>
#include <QFileDialog>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <cmath>

namespace weft::ui {

SequenceView::SequenceView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("sequenceView"));
    viewport()->setMouseTracking(true);
    connect(ThemeNotifier::instance(), &ThemeNotifier::themeChanged, this, [this] {
        relayout();
        viewport()->update();
    });
}

SequenceView::~SequenceView() = default;

void SequenceView::setTrace(const Trace &trace)
{
    m_trace = trace;
    m_diagram.reset();
    m_layout.reset();
    m_built = false;
    m_selected = -1;
    if (isVisible())
        ensureBuilt();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    viewport()->update();
}

void SequenceView::ensureBuilt()
{
    if (m_built)
        return;
    m_built = true;
    m_diagram = std::make_unique<SequenceDiagram>(m_trace);
    relayout();
}

const SequenceDiagram *SequenceView::diagram()
{
    ensureBuilt();
    return m_diagram.get();
}

const SequenceLayout *SequenceView::diagramLayout()
{
    ensureBuilt();
    return m_layout.get();
}

void SequenceView::relayout()
{
    if (!m_built) // a resize of a hidden panel: laid out when built
        return;
    if (!m_diagram || m_diagram->isEmpty()) {
        m_layout.reset();
    } else {
        m_layout = std::make_unique<SequenceLayout>(m_trace, *m_diagram, Theme::current(),
                                                    QString(), viewport()->width());
    }
    updateScrollRange();
}

void SequenceView::updateScrollRange()
{
    const QSize size = m_layout ? m_layout->size().toSize() : QSize();
    const QSize view = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, size.width() - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
    verticalScrollBar()->setRange(0, std::max(0, size.height() - view.height()));
    verticalScrollBar()->setPageStep(view.height());
    if (m_layout && !m_layout->rows().empty())
        verticalScrollBar()->setSingleStep(int(m_layout->rows().front().band.height()));
}

void SequenceView::setSelectedEvent(int eventIndex)
{
    if (!isVisible() && !m_built)
        return; // replay steps while the panel is hidden: built, and selected, when shown
    ensureBuilt();
    setSelectedItem(m_diagram && eventIndex >= 0 ? m_diagram->itemOfEvent(std::size_t(eventIndex))
                                                 : -1);
}

void SequenceView::setSelectedItem(int item)
{
    ensureBuilt();
    if (!m_diagram || item < -1 || item >= int(m_diagram->items().size()) || item == m_selected)
        return;
    m_selected = item;
    if (item >= 0 && m_layout) {
        // Into view below the pinned names.
        const QRectF band = m_layout->rows()[std::size_t(item)].band;
        const int top = verticalScrollBar()->value();
        const qreal visibleTop = top + m_layout->headerBottom();
        const qreal visibleBottom = top + viewport()->height();
        if (band.top() < visibleTop)
            verticalScrollBar()->setValue(int(band.top() - m_layout->headerBottom()));
        else if (band.bottom() > visibleBottom)
            verticalScrollBar()->setValue(int(std::ceil(band.bottom() - viewport()->height())));
    }
    viewport()->update();
}

int SequenceView::itemAt(const QPointF &pos)
{
    ensureBuilt();
    if (!m_layout || pos.y() < m_layout->headerBottom())
        return -1;
    return m_layout->rowAt(pos.y() + verticalScrollBar()->value());
}

void SequenceView::paintEvent(QPaintEvent *)
{
    ensureBuilt();
    QPainter painter(viewport());
    const Theme &theme = Theme::current();
    painter.fillRect(viewport()->rect(), theme.background());
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    if (!m_layout) {
        painter.setFont(theme.font());
        painter.setPen(theme.mutedText());
        painter.drawText(viewport()->rect().adjusted(12, 12, -12, -12),
                         Qt::AlignCenter | Qt::TextWordWrap,
                         m_trace.isEmpty() ? tr("Run a scenario with sockets or messages (such as "
                                                "socket.server or process.queue) to see its "
                                                "sequence diagram.")
                                           : noSequenceDiagramReason());
        return;
    }
    const SequenceRenderer renderer(theme);
    const int dx = horizontalScrollBar()->value(), dy = verticalScrollBar()->value();
    painter.save();
    painter.translate(-dx, -dy);
    renderer.paintRows(painter, *m_diagram, *m_layout, dy + m_layout->headerBottom(),
                       dy + viewport()->height(), m_selected);
    painter.restore();
    painter.translate(-dx, 0);
    renderer.paintHeader(painter, *m_layout);
}

void SequenceView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void SequenceView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    const int item = itemAt(event->position());
    if (item < 0)
        return;
    m_selected = item;
    viewport()->update();
    emit eventClicked(int(m_diagram->items()[std::size_t(item)].fromEvent));
}

bool SequenceView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int item = itemAt(help->pos());
        if (item >= 0)
            QToolTip::showText(
                help->globalPos(),
                sequenceItemToolTip(m_trace, *m_diagram, m_diagram->items()[std::size_t(item)]),
                viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void SequenceView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *exportAction = menu.addAction(tr("Export Sequence Diagram…"));
    exportAction->setEnabled(m_layout != nullptr);
    if (!m_layout)
        exportAction->setToolTip(noSequenceDiagramReason());
    if (menu.exec(event->globalPos()) == exportAction)
        exportInteractively(QDir::homePath());
}

bool SequenceView::exportInteractively(const QString &directory)
{
    QString path
        = QFileDialog::getSaveFileName(this, tr("Export Sequence Diagram"),
                                       QDir(directory).filePath(QStringLiteral("sequence.png")),
                                       tr("Pictures (*.png *.svg *.pdf)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    QString error;
    if (!exportSequenceDiagram(m_trace, path, {}, &error)) {
        emit exportFailed(error);
        return false;
    }
    emit exported(path);
    return true;
}

} // namespace weft::ui
