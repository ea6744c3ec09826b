// SPDX-License-Identifier: MIT
#include "timelineview.h"

#include "core/interchange/untrustedtext.h"
#include "eventkindtext.h"
#include "livemodelbuilder.h"
#include "themenotifier.h"
#include "timeruler.h"
#include "zoomcontrol.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace weft::ui {

namespace {
constexpr qreal kDragThresholdPx = 4;
constexpr qreal kHitRadiusPx = 5;

// Gentler than ZoomControl::kStepFactor: the wheel sends notches in runs.
constexpr double kWheelZoomFactorPerNotch = 1.25;
// Qt's unit for one notch of a standard mouse wheel (QWheelEvent::angleDelta,
// in eighths of a degree); touchpads send fractions of it.
constexpr double kAngleDeltaPerNotch = 120.0;
// One notch of horizontal scrolling moves the window by a tenth of its width.
constexpr double kPanFractionPerNotch = 0.1;

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_theme(Theme::current())
    , m_renderer(m_theme)
    , m_liveBuilder(new LiveModelBuilder(this))
    , m_zoom(new ZoomControl(this))
{
    connect(m_liveBuilder, &LiveModelBuilder::derived, this,
            [this](quint64, const std::shared_ptr<DerivedSnapshot> &snapshot) {
                showDerivedSnapshot(snapshot);
            });
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    setMinimumSize(320, 160);
    connect(m_zoom, &ZoomControl::windowChanged, viewport(), qOverload<>(&QWidget::update));
    // Row heights follow the theme's font scale: re-measure, then repaint.
    connect(ThemeNotifier::instance(), &ThemeNotifier::themeChanged, this, [this] {
        updateScrollRange();
        viewport()->update();
    });
}

TimelineView::~TimelineView() = default;

void TimelineView::setTrace(const Trace &trace)
{
    const bool first = m_model.isEmpty();
    discardLiveDerivations();
    m_axis.setTrace(trace);
    m_model.setTrace(m_axis.shown());
    if (m_axis.isStepAxis() && m_realLiveEnd)
        m_model.setLiveEnd(m_axis.shownLiveEnd(m_realLiveEnd)); // "now" is the next column
    modelReplaced(first);
}

void TimelineView::setTrace(const Trace &trace, std::shared_ptr<DerivedSnapshot> derived)
{
    if (!derived || derived->axis.isStepAxis() || m_axis.isStepAxis() || m_realLiveEnd != 0
        || !derived->axis.real().sharesDataWith(trace)) {
        setTrace(trace);
        return;
    }
    const bool first = m_model.isEmpty();
    discardLiveDerivations();
    adoptDerived(std::move(derived));
    modelReplaced(first);
}

void TimelineView::adoptDerived(std::shared_ptr<DerivedSnapshot> derived)
{
    std::swap(m_axis, derived->axis);
    m_model.adopt(derived->model);
    m_liveBuilder->recycle(std::move(derived)); // the model shown until now, freed on the worker
}

void TimelineView::setStepAxis(bool steps, int anchorEvent)
{
    if (steps == m_axis.isStepAxis())
        return;
    // Where the anchor is on screen, as a fraction of the window, and how much
    // of the trace the window shows: both are kept on the other axis.
    const qint64 from = m_zoom->windowStartNs();
    const double window = std::max<double>(1, double(m_zoom->windowDurationNs()));
    const double total = std::max<double>(1, double(m_zoom->traceEndNs() - m_zoom->traceStartNs()));
    const bool fit = m_zoom->isFitAll();
    const int events = int(m_axis.real().events().size());
    const bool anchored = anchorEvent >= 0 && anchorEvent < events;
    const qint64 anchorNs = anchored ? m_model.trace().events()[std::size_t(anchorEvent)].timeNs
                                     : from + qint64(window / 2);
    const qint64 anchorReal = anchored ? -1 : m_axis.toReal(anchorNs);
    const double fraction = (double(anchorNs) - double(from)) / window;

    // A snapshot derived for the other axis must not replace this model; the
    // next poll asks again.
    discardLiveDerivations();
    m_axis.setStepAxis(steps);
    m_model.setTrace(m_axis.shown());
    m_model.setLiveEnd(m_axis.shownLiveEnd(m_realLiveEnd));
    updateTraceRange();
    if (fit || m_model.isEmpty()) {
        m_zoom->fitAll();
    } else {
        const qint64 anchorNow = anchored
            ? m_model.trace().events()[std::size_t(anchorEvent)].timeNs
            : m_axis.toShown(anchorReal);
        const double newTotal
            = std::max<double>(1, double(m_zoom->traceEndNs() - m_zoom->traceStartNs()));
        const double newWindow
            = std::max(double(ZoomControl::kMinWindowNs), window / total * newTotal);
        const qint64 start = anchorNow - std::llround(fraction * newWindow);
        m_zoom->setWindow(start, start + std::llround(newWindow));
    }
    m_playheadNs = m_axis.toShown(m_realPlayheadNs);
    updateScrollRange();
    viewport()->update();
}

TimeRange TimelineView::realWindow() const
{
    return {m_axis.toReal(m_zoom->windowStartNs()), m_axis.toReal(m_zoom->windowEndNs())};
}

qreal TimelineView::xOfEvent(int eventIndex) const
{
    const std::vector<Event> &events = m_model.trace().events();
    if (eventIndex < 0 || std::size_t(eventIndex) >= events.size())
        return -1;
    const RenderOptions options = renderOptions();
    const TimelineLayout l = layout();
    const RenderContext context {m_model, m_renderer.theme(), l,
                                 options, options.fromNs,     options.toNs};
    return context.xForTime(events[std::size_t(eventIndex)].timeNs);
}

void TimelineView::setLiveEnd(qint64 nowNs)
{
    m_realLiveEnd = nowNs;
    m_model.setLiveEnd(m_axis.shownLiveEnd(nowNs));
    if (m_model.isEmpty())
        return;
    updateTraceRange();
    if (m_followLive)
        m_zoom->followEnd();
    updateScrollRange();
    viewport()->update();
}

void TimelineView::setLiveTrace(const Trace &trace, qint64 nowNs)
{
    // A poll with nothing new, or with the snapshot the worker is deriving,
    // only moves "now" on the model shown.
    if (trace.sharesDataWith(m_axis.real())
        || (!m_liveRequested.isEmpty() && trace.sharesDataWith(m_liveRequested))) {
        setLiveEnd(nowNs);
        return;
    }
    const bool first = m_model.isEmpty();
    if (!first && trace.events().size() >= m_backgroundFrom) {
        m_liveRequested = trace;
        m_liveBuilder->request(trace, m_axis.isStepAxis(), nowNs);
        setLiveEnd(nowNs);
        return;
    }
    // Derived here: an older snapshot still on the worker must not replace it.
    discardLiveDerivations();
    m_realLiveEnd = nowNs;
    m_axis.setTrace(trace);
    m_model.setLiveTrace(m_axis.shown(), m_axis.shownLiveEnd(nowNs));
    if (m_model.isEmpty())
        return;
    modelReplaced(first);
}

void TimelineView::showDerivedSnapshot(const std::shared_ptr<DerivedSnapshot> &snapshot)
{
    adoptDerived(snapshot);
    if (m_axis.real().sharesDataWith(m_liveRequested))
        m_liveRequested = Trace();
    m_model.setLiveEnd(m_axis.shownLiveEnd(m_realLiveEnd));
    if (!m_model.isEmpty())
        modelReplaced(false);
    Q_EMIT liveSnapshotShown();
}

void TimelineView::modelReplaced(bool first)
{
    updateTraceRange();
    if (first)
        m_zoom->fitAll();
    else if (m_followLive)
        m_zoom->followEnd();
    updateScrollRange();
    viewport()->update();
}

void TimelineView::discardLiveDerivations()
{
    m_liveBuilder->discardPending();
    m_liveRequested = Trace();
}

void TimelineView::setFollowLive(bool follow)
{
    m_followLive = follow;
    if (follow)
        m_zoom->followEnd();
}

void TimelineView::setPlayhead(qint64 realNs)
{
    m_realPlayheadNs = realNs;
    const qint64 ns = m_axis.toShown(realNs);
    if (ns == m_playheadNs && m_showPlayhead)
        return;
    m_playheadNs = ns;
    m_showPlayhead = true;
    // Keep the playhead in view while replaying.
    if (!m_zoom->isFitAll() && (ns < m_zoom->windowStartNs() || ns > m_zoom->windowEndNs()))
        m_zoom->pan(ns - (m_zoom->windowStartNs() + m_zoom->windowDurationNs() / 2));
    viewport()->update();
}

void TimelineView::setShowPlayhead(bool show)
{
    m_showPlayhead = show;
    viewport()->update();
}

void TimelineView::setDimAfterPlayhead(bool dim)
{
    m_dimAfterPlayhead = dim;
    viewport()->update();
}

void TimelineView::setSelectedLane(quint32 actor)
{
    if (actor == m_selectedActor)
        return;
    m_selectedActor = actor;
    viewport()->update();
}

void TimelineView::setSelectedEvent(int eventIndex)
{
    if (eventIndex == m_selectedEvent)
        return;
    m_selectedEvent = eventIndex;
    viewport()->update();
}

void TimelineView::setWaitLink(const std::optional<WaitLink> &link)
{
    if (link == m_waitLink)
        return;
    m_waitLink = link;
    viewport()->update();
}

void TimelineView::revealEvent(int eventIndex)
{
    const std::vector<Event> &events = m_model.trace().events();
    if (eventIndex < 0 || std::size_t(eventIndex) >= events.size())
        return;
    const Event &event = events[std::size_t(eventIndex)];
    setSelectedEvent(eventIndex);
    setSelectedLane(event.actor);
    // Off screen: centre it, keeping the zoom; on screen the view stays put.
    const qint64 from = m_zoom->windowStartNs(), to = m_zoom->windowEndNs();
    if (event.timeNs < from || event.timeNs > to) {
        const qint64 half = (to - from) / 2;
        m_zoom->setWindow(event.timeNs - half, event.timeNs + half);
    }
    const int lane = m_model.laneIndexOf(event.actor);
    if (lane >= 0) {
        const TimelineLayout l = layout();
        const QRectF rect = l.laneRect(lane);
        const QRectF plot = l.plotRect();
        if (rect.top() < plot.top() || rect.bottom() > plot.bottom())
            verticalScrollBar()->setValue(verticalScrollBar()->value()
                                          + int(rect.center().y() - plot.center().y()));
    }
}

void TimelineView::setSelectedRange(const std::optional<TimeRange> &range)
{
    std::optional<TimeRange> normal = range;
    if (normal && normal->toNs < normal->fromNs)
        std::swap(normal->fromNs, normal->toNs);
    if (normal == m_range)
        return;
    m_range = normal;
    viewport()->update();
    emit rangeChanged(m_range);
}

void TimelineView::setAllArrows(bool all)
{
    if (all == m_allArrows)
        return;
    m_allArrows = all;
    viewport()->update();
}

void TimelineView::setMinLabelWidth(qreal px)
{
    if (px == m_minLabelWidth)
        return;
    m_minLabelWidth = px;
    viewport()->update();
}

void TimelineView::setPendingActions(const QList<PendingMark> &marks)
{
    if (marks == m_pending)
        return;
    m_pending = marks;
    updateTraceRange();
    if (m_followLive)
        m_zoom->followEnd();
    viewport()->update();
}

void TimelineView::updateTraceRange()
{
    // While threads are parked, "now" gets room on the right for their chips,
    // so a chip never covers the lane's last marks.
    qint64 end = m_model.endNs();
    const qreal chipPx = PendingActionPass::widestChipPx(m_pending, m_renderer.theme());
    const qreal plotPx = layout().plotRect().width();
    if (chipPx > 0 && plotPx > 2 * chipPx) {
        const double shown = m_zoom->isFitAll() ? double(m_model.endNs() - m_model.startNs())
                                                : double(m_zoom->windowDurationNs());
        end += qint64(std::max(1.0, shown) * chipPx / (plotPx - chipPx));
    }
    m_zoom->setTraceRange(m_model.startNs(), end);
}

QRectF TimelineView::pendingChipRect(quint32 actor) const
{
    const RenderOptions options = renderOptions();
    const TimelineLayout l = layout();
    const RenderContext context {m_model, m_renderer.theme(), l,
                                 options, options.fromNs,     options.toNs};
    for (const PendingChip &chip : PendingActionPass::chips(context)) {
        if (chip.actor == actor)
            return chip.rect;
    }
    return {};
}

std::optional<PendingChip> TimelineView::pendingChipAt(const QPointF &pos) const
{
    if (m_pending.isEmpty())
        return std::nullopt;
    const RenderOptions options = renderOptions();
    const TimelineLayout l = layout();
    if (!l.plotRect().contains(pos))
        return std::nullopt;
    const RenderContext context {m_model, m_renderer.theme(), l,
                                 options, options.fromNs,     options.toNs};
    for (const PendingChip &chip : PendingActionPass::chips(context)) {
        if (chip.rect.contains(pos))
            return chip;
    }
    return std::nullopt;
}

QString TimelineView::pendingChipToolTip(const PendingChip &chip) const
{
    const Lane *lane = m_model.laneOf(chip.actor);
    const QString name = lane ? lane->label : QString::number(chip.actor);
    for (const PendingMark &mark : m_pending) {
        if (mark.actor != chip.actor)
            continue;
        if (mark.isBlocked())
            return tr("%1 wants to %2, but it would only wait (%3). Step another thread first.")
                .arg(name, mark.text, mark.blockedText);
        return tr("%1 next: %2\nClick to let it take this step.").arg(name, mark.text);
    }
    return {};
}

void TimelineView::updateHoverCursor(const QPointF &pos)
{
    const bool over = pendingChipAt(pos).has_value();
    if (over == m_overChip)
        return;
    m_overChip = over;
    if (over)
        viewport()->setCursor(Qt::PointingHandCursor);
    else
        viewport()->unsetCursor();
}

RenderOptions TimelineView::renderOptions() const
{
    RenderOptions options;
    options.fromNs = m_zoom->windowStartNs();
    options.toNs = m_zoom->windowEndNs();
    options.layout.scrollY = verticalScrollBar()->value();
    options.layout.minLabelWidth = m_minLabelWidth;
    options.showPlayhead = m_showPlayhead;
    options.playheadNs = m_playheadNs;
    options.dimAfterPlayhead = m_dimAfterPlayhead && m_showPlayhead;
    options.selectedActor = m_selectedActor;
    options.allArrows = m_allArrows;
    options.pending = m_pending;
    options.selectedEvent = m_selectedEvent;
    // The marks speak real time (the details panel, the breakdown and the
    // status bar share them); the step axis draws them at their columns.
    if (m_waitLink) {
        WaitLink shown = *m_waitLink;
        shown.waitStartNs = m_axis.toShown(shown.waitStartNs);
        shown.waitEndNs = m_axis.toShown(shown.waitEndNs);
        shown.causeNs = m_axis.toShown(shown.causeNs);
        options.waitLink = shown;
    }
    if (m_range) {
        options.range = TimeRange {m_axis.toShown(m_range->fromNs), m_axis.toShown(m_range->toNs)};
        options.rangeDurationNs = m_range->durationNs();
    }
    options.stepAxis = m_axis.isStepAxis();
    return options;
}

void TimelineView::zoomIn()
{
    zoomByKey(ZoomControl::kStepFactor);
}

void TimelineView::zoomOut()
{
    zoomByKey(1 / ZoomControl::kStepFactor);
}

void TimelineView::zoomByKey(double factor)
{
    // About the playhead while it is in view, so the event being looked at
    // stays put; about the middle otherwise (the wheel zooms about the pointer).
    const qint64 start = m_zoom->windowStartNs(), end = m_zoom->windowEndNs();
    const bool playheadInView = m_showPlayhead && m_playheadNs >= start && m_playheadNs <= end;
    m_zoom->zoomAbout(playheadInView ? m_playheadNs : start + (end - start) / 2, factor);
}

void TimelineView::fitAll()
{
    m_zoom->fitAll();
}

TimelineLayout TimelineView::layout() const
{
    return TimelineLayout(m_model, m_renderer.theme(), QRectF(viewport()->rect()),
                          renderOptions().layout);
}

void TimelineView::updateScrollRange()
{
    // Few lanes grow to fill the height (up to a limit) instead of leaving a strip at the top.
    const QRectF area(viewport()->rect());
    m_theme = Theme::current().withLaneStretch(
        TimelineLayout::fillingLaneStretch(m_model, Theme::current(), area, {}));
    const TimelineLayout l(m_model, m_renderer.theme(), area, {});
    const int overflow = std::max(0, l.rowsHeight() - int(l.plotRect().height()));
    verticalScrollBar()->setRange(0, overflow);
    verticalScrollBar()->setPageStep(int(l.plotRect().height()));
    verticalScrollBar()->setSingleStep(m_renderer.theme().laneHeight());
}

qint64 TimelineView::timeAtX(qreal x) const
{
    const QRectF plot = layout().plotRect();
    if (plot.width() <= 0)
        return m_zoom->windowStartNs();
    const double fraction = (x - plot.left()) / plot.width();
    return m_zoom->windowStartNs()
        + qint64(std::llround(fraction * double(m_zoom->windowDurationNs())));
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    m_renderer.render(painter, QRectF(viewport()->rect()), m_model, renderOptions());
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
}

void TimelineView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double notches = delta.y() / kAngleDeltaPerNotch;
        m_zoom->zoomAbout(timeAtX(event->position().x()),
                          std::pow(kWheelZoomFactorPerNotch, notches));
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier || std::abs(delta.x()) > std::abs(delta.y())) {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        const double notches = d / kAngleDeltaPerNotch;
        m_zoom->pan(-qint64(notches * kPanFractionPerNotch * double(m_zoom->windowDurationNs())));
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const TimelineLayout l = layout();
    m_dragStart = event->position();
    m_dragMoved = false;
    m_dragWindowStart = m_zoom->windowStartNs();
    m_dragWindowEnd = m_zoom->windowEndNs();
    m_dragScrollY = verticalScrollBar()->value();
    if (const std::optional<PendingChip> chip = pendingChipAt(event->position())) {
        // Acts on release, like a button: pressing and sliding off cancels.
        m_drag = Drag::Chip;
        m_pressedChip = chip->actor;
    } else if (l.rulerRect().contains(event->position())
               && (event->modifiers() & Qt::ShiftModifier)) {
        m_drag = Drag::Range;
        m_rangeAnchorNs = m_axis.toReal(
            std::clamp(timeAtX(event->position().x()), m_model.startNs(), m_model.endNs()));
    } else if (l.rulerRect().contains(event->position())) {
        m_drag = Drag::Scrub;
        const qint64 t = m_axis.toReal(
            std::clamp(timeAtX(event->position().x()), m_model.startNs(), m_model.endNs()));
        setPlayhead(t);
        emit playheadScrubbed(t);
    } else {
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag == Drag::None || m_drag == Drag::Chip) {
        updateHoverCursor(event->position());
        QAbstractScrollArea::mouseMoveEvent(event);
        return;
    }
    const QPointF delta = event->position() - m_dragStart;
    if (delta.manhattanLength() > kDragThresholdPx)
        m_dragMoved = true;
    if (m_drag == Drag::Range) {
        const qint64 t = m_axis.toReal(
            std::clamp(timeAtX(event->position().x()), m_model.startNs(), m_model.endNs()));
        if (m_dragMoved)
            setSelectedRange(
                TimeRange {std::min(m_rangeAnchorNs, t), std::max(m_rangeAnchorNs, t)});
        return;
    }
    if (m_drag == Drag::Scrub) {
        const qint64 t = m_axis.toReal(
            std::clamp(timeAtX(event->position().x()), m_model.startNs(), m_model.endNs()));
        setPlayhead(t);
        emit playheadScrubbed(t);
        return;
    }
    if (!m_dragMoved)
        return;
    const qreal width = std::max<qreal>(1, layout().plotRect().width());
    const qint64 shift = qint64(-delta.x() / width * double(m_dragWindowEnd - m_dragWindowStart));
    m_zoom->setWindow(m_dragWindowStart + shift, m_dragWindowEnd + shift);
    verticalScrollBar()->setValue(m_dragScrollY - int(delta.y()));
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    unsetCursor();
    if (drag == Drag::Chip) {
        const std::optional<PendingChip> chip = pendingChipAt(event->position());
        if (chip && chip->actor == m_pressedChip && event->button() == Qt::LeftButton) {
            setSelectedLane(chip->actor);
            emit laneSelected(chip->actor);
            if (chip->blocked) {
                const QString reason = pendingChipToolTip(*chip);
                emit blockedActionClicked(chip->actor, reason);
            } else {
                emit pendingActionClicked(chip->actor);
            }
        }
        m_pressedChip = 0;
        return;
    }
    if (drag == Drag::Range) {
        // A Shift+click without a drag clears the range.
        if (!m_dragMoved)
            setSelectedRange(std::nullopt);
        return;
    }
    if (drag != Drag::Pan || m_dragMoved || event->button() != Qt::LeftButton)
        return;
    // A click (not a drag): select the lane and the event under the pointer.
    const TimelineLayout l = layout();
    const int lane = l.laneAtY(event->position().y());
    if (lane >= 0) {
        const quint32 actor = m_model.lanes()[std::size_t(lane)].actor;
        setSelectedLane(actor);
        emit laneSelected(actor);
    }
    const int index = eventAt(event->position(), nullptr);
    if (index >= 0)
        emit eventClicked(index);
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_F:
        fitAll();
        break;
    case Qt::Key_Escape:
        // Esc first clears the marked range; with none it goes to the window.
        if (!m_range) {
            QAbstractScrollArea::keyPressEvent(event);
            return;
        }
        setSelectedRange(std::nullopt);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        QString tip;
        if (const std::optional<PendingChip> chip = pendingChipAt(help->pos()))
            tip = pendingChipToolTip(*chip);
        else
            eventAt(help->pos(), &tip);
        // A label the last frame had no room for is named where it would have
        // stood, before what the pointer is over.
        for (const PlacedLabel &label : m_renderer.lastLabels().leftOut()) {
            if (label.rect.contains(help->pos()) && !tip.contains(label.text)) {
                tip = tip.isEmpty() ? label.text : label.text + QLatin1Char('\n') + tip;
                break;
            }
        }
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

qint64 TimelineView::sinceStart(qint64 shownNs) const
{
    return m_axis.toReal(shownNs) - m_axis.real().startNs();
}

int TimelineView::eventAt(const QPointF &pos, QString *tooltip) const
{
    const TimelineLayout l = layout();
    if (!l.plotRect().contains(pos))
        return -1;
    const int laneIndex = l.laneAtY(pos.y());
    if (laneIndex < 0)
        return -1;
    const Lane &lane = m_model.lanes()[std::size_t(laneIndex)];
    const Trace &trace = m_model.trace();
    const qint64 t = timeAtX(pos.x());
    const qint64 radius = qint64(kHitRadiusPx / std::max<qreal>(1, l.plotRect().width())
                                 * double(m_zoom->windowDurationNs()))
        + 1;

    const int sliceRow = l.sliceRowAtY(laneIndex, pos.y());
    if (sliceRow >= 0) {
        const SliceBar *slice = m_model.sliceAt(lane.actor, sliceRow, t, radius);
        if (!slice)
            return -1;
        if (tooltip) {
            const qint64 duration = m_axis.realDuration(slice->beginNs, slice->endNs);
            // Self time is a sum of stretches of time: on the step axis there is none to show.
            *tooltip = m_axis.isStepAxis()
                ? tr("%1: %2 (from %3)")
                      .arg(boundedText(trace.text(slice->text)).toHtmlEscaped(),
                           TimeRuler::formatDuration(duration),
                           TimeRuler::formatDuration(sinceStart(slice->beginNs)))
                : tr("%1: %2 (from %3, self time %4)")
                      .arg(boundedText(trace.text(slice->text)).toHtmlEscaped(),
                           TimeRuler::formatDuration(duration),
                           TimeRuler::formatDuration(sinceStart(slice->beginNs)),
                           TimeRuler::formatDuration(m_model.selfTimeNs(lane.actor, *slice)));
            if (slice->unfinished)
                *tooltip += QLatin1Char('\n') + tr("still open when the trace ended");
        }
        return slice->beginEvent;
    }

    // Instants first: they are small and drawn on top.
    const auto it = std::lower_bound(lane.instants.begin(), lane.instants.end(), t - radius,
                                     [](const Instant &i, qint64 v) { return i.timeNs < v; });
    if (it != lane.instants.end() && it->timeNs <= t + radius && it->eventIndex >= 0) {
        const Event &e = trace.events()[std::size_t(it->eventIndex)];
        if (tooltip) {
            const QString text = boundedText(trace.text(e.text));
            *tooltip = it->kind == InstantKind::Killed
                ? tr("%1 was killed when its process exited").arg(lane.label)
                : tr("%1 at %2: %3")
                      .arg(eventKindText(e.kind), TimeRuler::formatDuration(sinceStart(e.timeNs)),
                           text.toHtmlEscaped());
        }
        return it->kind == InstantKind::Killed ? -1 : it->eventIndex;
    }
    const StateSpan *span = m_model.spanAt(lane.actor, t);
    if (!span)
        return -1;
    if (!lane.statesKnown) {
        if (tooltip)
            *tooltip
                = tr("%1: active from %2 to %3; the trace does not say what the thread was doing")
                      .arg(lane.label, TimeRuler::formatDuration(sinceStart(lane.startNs)),
                           TimeRuler::formatDuration(sinceStart(lane.endNs)));
        return -1;
    }
    if (tooltip) {
        QString what = Theme::current().stateName(span->state);
        if (span->object && span->state != LaneState::WaitingJoin)
            what += QLatin1Char(' ') + boundedText(trace.object(span->object).name);
        else if (span->state == LaneState::WaitingJoin && span->object)
            what += QLatin1Char(' ') + boundedText(actorDisplayName(trace, span->object));
        *tooltip
            = tr("%1: %2 for %3 (from %4)")
                  .arg(lane.label, what,
                       TimeRuler::formatDuration(m_axis.realDuration(span->startNs, span->endNs)),
                       TimeRuler::formatDuration(sinceStart(span->startNs)));
        for (const LockBand &band : lane.locks) {
            if (band.startNs > t)
                break;
            if (t < band.endNs)
                *tooltip += QLatin1Char('\n')
                    + tr("holds %1").arg(boundedText(trace.object(band.lock).name));
        }
    }
    return span->eventIndex;
}

} // namespace weft::ui
