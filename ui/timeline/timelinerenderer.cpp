// SPDX-License-Identifier: MIT
#include "timelinerenderer.h"

#include "counterpass.h"
#include "deadlockpass.h"
#include "flowpass.h"
#include "gridpass.h"
#include "instantpass.h"
#include "labelpass.h"
#include "lanespass.h"
#include "legendpass.h"
#include "lockbandpass.h"
#include "lostupdatepass.h"
#include "pendingactionpass.h"
#include "playheadpass.h"
#include "rulerpass.h"
#include "selectionpass.h"
#include "slicepass.h"
#include "timelinemodel.h"
#include "titlepass.h"
#include "zoomcontrol.h"

#include <QPainter>

namespace weft::ui {

TimelineRenderer::TimelineRenderer(const Theme &theme)
    : m_theme(theme)
{
    // Back to front: what is drawn later covers what is drawn earlier.
    m_passes.push_back(std::make_unique<GridPass>());
    m_passes.push_back(std::make_unique<LanesPass>());
    m_passes.push_back(std::make_unique<LockBandPass>());
    m_passes.push_back(std::make_unique<SlicePass>());
    m_passes.push_back(std::make_unique<CounterPass>());
    m_passes.push_back(std::make_unique<FlowPass>());
    m_passes.push_back(std::make_unique<InstantPass>());
    m_passes.push_back(std::make_unique<DeadlockPass>()); // over the marks it rings
    m_passes.push_back(std::make_unique<LostUpdatePass>()); // its callouts over the marks too
    m_passes.push_back(std::make_unique<LabelPass>());
    m_passes.push_back(std::make_unique<RulerPass>());
    m_passes.push_back(std::make_unique<PlayheadPass>()); // its handle sits on the ruler
    m_passes.push_back(std::make_unique<SelectionPass>()); // what the user picked out
    m_passes.push_back(std::make_unique<PendingActionPass>()); // never dimmed: it is "now"
    m_passes.push_back(std::make_unique<LegendPass>());
    m_passes.push_back(std::make_unique<TitlePass>());
}

TimelineRenderer::~TimelineRenderer() = default;

void TimelineRenderer::render(QPainter &painter, const QRectF &target, const TimelineModel &model,
                              const RenderOptions &options) const
{
    painter.save();
    painter.fillRect(target, m_theme.background());
    const TimelineLayout layout(model, m_theme, target, options.layout);
    qint64 from = options.fromNs, to = options.toNs;
    if (to <= from) {
        // The whole trace, with a little room so marks at either end are not cut in half.
        const qint64 margin = ZoomControl::fitAllMarginNs(model.endNs() - model.startNs());
        from = model.startNs() - margin;
        to = model.endNs() + margin;
    }
    if (to <= from)
        to = from + 1;
    const RenderContext context {model, m_theme, layout, options, from, to};
    // What is drawn on top claims its text's room first.
    for (auto pass = m_passes.rbegin(); pass != m_passes.rend(); ++pass)
        (*pass)->reserve(context);
    for (const auto &pass : m_passes) {
        painter.save();
        pass->paint(painter, context);
        painter.restore();
    }
    m_lastLabels = std::move(context.labels);
    painter.restore();
}

} // namespace weft::ui
