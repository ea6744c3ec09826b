// SPDX-License-Identifier: MIT
#include "compareview.h"

#include "comparerenderer.h"
#include "core/interchange/untrustedtext.h"
#include "ui/timeline/themenotifier.h"
#include "ui/timeline/timelineview.h"
#include "ui/timeline/zoomcontrol.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace weft::ui {

namespace {
constexpr int kShownOutcomeChars = 160; // two lines of a laptop-wide window
} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter);
    for (int i = 0; i < 2; ++i) {
        auto *pane = new QWidget(splitter);
        auto *column = new QVBoxLayout(pane);
        column->setContentsMargins(4, 4, 4, 4);
        column->setSpacing(2);
        auto *title = new QLabel(pane);
        QFont bold = title->font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.15);
        title->setFont(bold);
        title->setObjectName(i == 0 ? QStringLiteral("firstTitle") : QStringLiteral("secondTitle"));
        auto *outcome = new QLabel(pane);
        outcome->setWordWrap(true);
        outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *view = new TimelineView(pane);
        // A scroll bar on one view only would make its time axis shorter.
        view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
        column->addWidget(title);
        column->addWidget(outcome);
        column->addWidget(view, 1);
        splitter->addWidget(pane);
        m_titles[std::size_t(i)] = title;
        m_outcomes[std::size_t(i)] = outcome;
        m_views[std::size_t(i)] = view;
        connect(view->zoomControl(), &ZoomControl::windowChanged, this,
                [this, i](qint64 start, qint64 end) { follow(i, start, end); });
    }
    // Text size changes move the lane names' width: keep both alike.
    connect(ThemeNotifier::instance(), &ThemeNotifier::themeChanged, this,
            &CompareView::updateLabelWidth);
}

void CompareView::setComparison(const RunComparison &comparison)
{
    m_comparison = comparison;
    const qint64 shared = comparison.sharedDurationNs();
    for (int i = 0; i < 2; ++i) {
        const Trace &trace = i == 0 ? comparison.first() : comparison.second();
        m_titles[std::size_t(i)]->setText(comparison.frameTitle(i == 1));
        // A long outcome (gil.cpu's is four sentences) would take the lanes'
        // room on a laptop screen: its start here, all of it on hover.
        const QString outcome = trace.outcome().summary.isEmpty()
            ? outcomeStatusName(trace.outcome().status)
            : boundedText(trace.outcome().summary, 4 * kMaxLabelChars);
        m_outcomes[std::size_t(i)]->setText(boundedText(outcome, kShownOutcomeChars));
        m_outcomes[std::size_t(i)]->setToolTip(outcome.size() > kShownOutcomeChars ? outcome
                                                                                   : QString());
        TimelineView *view = m_views[std::size_t(i)];
        const QSignalBlocker blocker(view->zoomControl());
        view->setStepAxis(comparison.isStepAligned(), -1);
        view->setTrace(trace);
        // Both ranges as long as the longer run, from each run's own start:
        // the shorter run ends early on the same scale instead of being stretched.
        const qint64 start = view->model().startNs();
        view->zoomControl()->setTraceRange(start, start + shared);
        view->zoomControl()->fitAll();
        view->viewport()->update();
    }
    updateLabelWidth();
}

void CompareView::updateLabelWidth()
{
    const qreal width = CompareRenderer::sharedLabelWidth(m_views[0]->model(), m_views[1]->model(),
                                                          Theme::current());
    for (TimelineView *view : m_views)
        view->setMinLabelWidth(width);
}

void CompareView::follow(int source, qint64 startNs, qint64 endNs)
{
    if (m_following || !m_comparison)
        return;
    m_following = true;
    const TimelineView *from = m_views[std::size_t(source)];
    TimelineView *to = m_views[std::size_t(1 - source)];
    const qint64 offset = to->zoomControl()->traceStartNs() - from->zoomControl()->traceStartNs();
    to->zoomControl()->setWindow(startNs + offset, endNs + offset);
    m_following = false;
}

qint64 CompareView::windowStartNs() const
{
    const ZoomControl *zoom = m_views[0]->zoomControl();
    return zoom->windowStartNs() - zoom->traceStartNs();
}

qint64 CompareView::windowEndNs() const
{
    const ZoomControl *zoom = m_views[0]->zoomControl();
    return zoom->windowEndNs() - zoom->traceStartNs();
}

void CompareView::fitAll()
{
    m_views[0]->fitAll(); // the other follows
}

} // namespace weft::ui
