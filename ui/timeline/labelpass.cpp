// SPDX-License-Identifier: MIT
#include "labelpass.h"

#include "theme.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"

#include <QCoreApplication>
#include <QPainter>

namespace weft::ui {

void LabelPass::paint(QPainter &painter, const RenderContext &context) const
{
    const TimelineLayout &layout = context.layout;
    const QRectF labels = layout.labelsRect();
    const QRectF plot = layout.plotRect();
    const Theme &theme = context.theme;
    // Rows scroll under the ruler: clip them to the rows' band.
    painter.setClipRect(
        QRectF(labels.left(), plot.top(), labels.width() + plot.width(), plot.height()));

    const auto &lanes = context.model.lanes();
    if (labels.width() > 0) {
        painter.fillRect(labels, theme.background());
        for (int li = std::max(0, layout.firstVisibleLane()); li <= layout.lastVisibleLane();
             ++li) {
            const Lane &lane = lanes[std::size_t(li)];
            const QRectF row = layout.laneRect(li);
            const QRectF cell(labels.left(), row.top(), labels.width(), row.height());
            const bool selected = lane.actor == context.options.selectedActor && lane.actor != 0;
            if (selected)
                painter.fillRect(cell, theme.selectedRow());
            else if (li % 2)
                painter.fillRect(cell, theme.alternateRow());
            const ActorInfo info = context.model.trace().actor(lane.actor);
            painter.setFont(info.isMainThread || selected ? theme.boldFont() : theme.font());
            painter.setPen(lane.killed ? theme.killedMark() : theme.text());
            QString text = lane.label;
            if (info.isDaemon)
                text += QCoreApplication::translate("weft::ui::LabelPass", " · daemon");
            // Level with the state bar, not centred on the slice rows under it.
            const QRectF textRect
                = QRectF(cell.left(), cell.top(), cell.width(), theme.laneHeight())
                      .adjusted(theme.labelIndent(), 0, -theme.px(6), 0);
            painter.drawText(
                textRect, Qt::AlignVCenter | Qt::AlignLeft,
                painter.fontMetrics().elidedText(text, Qt::ElideMiddle, int(textRect.width())));
        }
        painter.setFont(theme.font());
        painter.setPen(theme.text());
        const auto &counters = context.model.counters();
        for (std::size_t ci = 0; ci < counters.size(); ++ci) {
            const QRectF row = layout.counterRect(int(ci));
            const QRectF cell = QRectF(labels.left(), row.top(), labels.width(), row.height())
                                    .adjusted(theme.labelIndent(), 0, -theme.px(6), 0);
            painter.drawText(cell, Qt::AlignVCenter | Qt::AlignLeft,
                             painter.fontMetrics().elidedText(counters[ci].name, Qt::ElideRight,
                                                              int(cell.width())));
        }
        // The column's own last pixel column, not the plot's first.
        painter.fillRect(QRectF(labels.right() - 1, labels.top(), 1, labels.height()),
                         theme.gridLine());
    }

    painter.setFont(theme.boldFont());
    const auto &groups = context.model.groups();
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const QRectF header = layout.groupHeaderRect(int(gi));
        if (!header.intersects(plot.united(labels)))
            continue;
        painter.fillRect(header, theme.groupHeader());
        painter.setPen(theme.text());
        // A plain variable as the count: lupdate skips a translate() whose count has a subscript.
        const int threads = groups[gi].laneCount;
        painter.drawText(header.adjusted(theme.px(6), 0, -theme.px(6), 0),
                         Qt::AlignVCenter | Qt::AlignLeft,
                         QCoreApplication::translate("weft::ui::LabelPass", "%1 — %n thread(s)",
                                                     nullptr, threads)
                             .arg(groups[gi].label));
    }
}

} // namespace weft::ui
