// SPDX-License-Identifier: MIT
#pragma once

#include "axismapping.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"

#include <QAbstractScrollArea>
#include <memory>
#include <optional>

namespace weft::ui {

class LiveModelBuilder;
struct DerivedSnapshot;
class ZoomControl;

// The interactive timeline: paints with TimelineRenderer, zooms (Ctrl+wheel,
// +/-), scrolls (wheel), pans (drag), scrubs the playhead (drag on the ruler),
// and shows tooltips. Never runs scenario code: it only reads Traces.
class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    // Cheap enough to call on every live update; keeps the user's zoom unless following.
    void setTrace(const Trace &trace);
    // The same, with what was already derived of the trace off this thread
    // (an opened file's model, by TraceLoadJob): adopted when it is the time
    // axis's and the view shows that axis, else derived here as setTrace does.
    void setTrace(const Trace &trace, std::shared_ptr<DerivedSnapshot> derived);
    // The trace as recorded (the model may hold its step-order map).
    const Trace &realTrace() const { return m_axis.real(); }
    // View ▸ Axis: each event in its own column (StepOrder) instead of at its
    // time. The event anchorEvent (the selected one; -1: the window's middle)
    // stays where it is on screen. The playhead, scrubbing and the tooltips
    // keep real times either way.
    void setStepAxis(bool steps, int anchorEvent = -1);
    bool isStepAxis() const { return m_axis.isStepAxis(); }
    // The window shown, in real times on either axis (what an export of "the
    // visible window" is given).
    TimeRange realWindow() const;
    // The x where an event is drawn now (its time on the shown axis).
    qreal xOfEvent(int eventIndex) const;
    const TimelineModel &model() const { return m_model; }
    ZoomControl *zoomControl() const { return m_zoom; }

    void setFollowLive(bool follow);
    // A live run's "now", so open spans grow between events; 0 once it is over.
    void setLiveEnd(qint64 nowNs);
    // One live poll: the snapshot and "now" together, derived once (only "now"
    // moves when the snapshot is the one shown already), painted once. A
    // snapshot of at least backgroundDerivationFrom() events is derived on a
    // worker thread: the model on screen moves "now" until the new one is ready
    // (liveSnapshotShown), so a poll never stalls the window.
    void setLiveTrace(const Trace &trace, qint64 nowNs);
    std::size_t backgroundDerivationFrom() const { return m_backgroundFrom; }
    void setBackgroundDerivationFrom(std::size_t events) { m_backgroundFrom = events; }
    void setPlayhead(qint64 ns);
    qint64 playhead() const { return m_playheadNs; }
    void setShowPlayhead(bool show);
    void setDimAfterPlayhead(bool dim);
    quint32 selectedLane() const { return m_selectedActor; }
    void setSelectedLane(quint32 actor);
    // View ▸ All Arrows: every arrow rather than those on demand.
    void setAllArrows(bool all);
    bool allArrows() const { return m_allArrows; }
    // The selected event (ringed) and, when it is a wait, what ended it.
    void setSelectedEvent(int eventIndex);
    int selectedEvent() const { return m_selectedEvent; }
    void setWaitLink(const std::optional<WaitLink> &link);
    const std::optional<WaitLink> &waitLink() const { return m_waitLink; }
    // Selects the event's lane and brings the event into view (keeping the zoom).
    void revealEvent(int eventIndex);
    // A range marked with Shift+drag on the ruler; Esc clears it.
    const std::optional<TimeRange> &selectedRange() const { return m_range; }
    void setSelectedRange(const std::optional<TimeRange> &range);
    // The lane names' column at least this wide (a comparison lines up two views).
    void setMinLabelWidth(qreal px);
    // Live stepping: a chip per parked thread at its lane's live end. The
    // window decides which marks are blocked; the view only draws and hit-tests.
    void setPendingActions(const QList<PendingMark> &marks);
    const QList<PendingMark> &pendingActions() const { return m_pending; }
    // Where a thread's chip is drawn now (empty if it has none on screen).
    QRectF pendingChipRect(quint32 actor) const;
    // The text the last paint placed and left out (left out is named on hover).
    const LabelPlacer &lastLabels() const { return m_renderer.lastLabels(); }
    // The options the view paints with (visible window), for "export visible window".
    RenderOptions renderOptions() const;
    // Where the view puts everything now (its theme's lanes may be stretched).
    TimelineLayout layout() const;
    // Theme::current() with lanes stretched to fill the view's height when there are few.
    const Theme &theme() const { return m_theme; }

public slots:
    void zoomIn();
    void zoomOut();
    void fitAll();

signals:
    // A live snapshot derived on the worker thread is now the one drawn.
    void liveSnapshotShown();
    void playheadScrubbed(qint64 ns);
    void eventClicked(int eventIndex);
    void laneSelected(quint32 actor);
    // A click on a chip the user may take: let that thread take its step.
    void pendingActionClicked(quint32 actor);
    // A click on a blocked chip: nothing steps; `reason` says why.
    void blockedActionClicked(quint32 actor, const QString &reason);
    // The marked range changed (Shift+drag on the ruler, Esc); none when cleared.
    void rangeChanged(const std::optional<weft::ui::TimeRange> &range);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void showDerivedSnapshot(const std::shared_ptr<DerivedSnapshot> &snapshot);
    // Swaps in a model and axis derived elsewhere; the old ones go to the worker to free.
    void adoptDerived(std::shared_ptr<DerivedSnapshot> derived);
    // What follows a new model: ranges, following the live end, scroll range, a repaint.
    void modelReplaced(bool first);
    void discardLiveDerivations();
    void zoomByKey(double factor);
    void updateScrollRange();
    void updateTraceRange();
    int eventAt(const QPointF &pos, QString *tooltip) const;
    // Real time from the trace's start at a shown time (tooltips speak real time on either axis).
    qint64 sinceStart(qint64 shownNs) const;
    qint64 timeAtX(qreal x) const;
    std::optional<PendingChip> pendingChipAt(const QPointF &pos) const;
    QString pendingChipToolTip(const PendingChip &chip) const;
    void updateHoverCursor(const QPointF &pos);

    AxisMapping m_axis; // the real trace; the model holds m_axis.shown()
    qint64 m_realLiveEnd = 0;
    TimelineModel m_model;
    Trace m_liveRequested; // the snapshot the worker derives, until it is shown
    // ~10 ms of derivation: below it, a snapshot is derived where it arrives.
    std::size_t m_backgroundFrom = 100'000;
    Theme m_theme; // before m_renderer, which keeps a reference to it
    TimelineRenderer m_renderer;
    LiveModelBuilder *m_liveBuilder = nullptr;
    ZoomControl *m_zoom = nullptr;
    bool m_followLive = false;
    qint64 m_playheadNs = 0; // on the shown axis
    qint64 m_realPlayheadNs = 0;
    bool m_showPlayhead = false;
    bool m_dimAfterPlayhead = false;
    quint32 m_selectedActor = 0;
    bool m_allArrows = false;
    qreal m_minLabelWidth = 0;
    QList<PendingMark> m_pending;
    int m_selectedEvent = -1;
    std::optional<WaitLink> m_waitLink;
    std::optional<TimeRange> m_range;
    bool m_overChip = false;
    quint32 m_pressedChip = 0;
    enum class Drag { None, Pan, Scrub, Chip, Range } m_drag = Drag::None;
    QPointF m_dragStart;
    qint64 m_dragWindowStart = 0;
    qint64 m_rangeAnchorNs = 0;
    qint64 m_dragWindowEnd = 0;
    int m_dragScrollY = 0;
    bool m_dragMoved = false;
};

} // namespace weft::ui
