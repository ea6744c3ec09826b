// SPDX-License-Identifier: MIT
#pragma once

#include "runcomparison.h"

#include <QWidget>
#include <array>
#include <optional>

class QLabel;

namespace weft::ui {

class TimelineView;

// Two runs one above the other, each with its title and outcome, on one time
// scale: both views show the same span after their own run's start (aligned
// at start), with lane-name columns of one width, so the same millisecond is
// at the same x. Zooming or scrolling either moves both.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    explicit CompareView(QWidget *parent = nullptr);

    void setComparison(const RunComparison &comparison);
    const std::optional<RunComparison> &comparison() const { return m_comparison; }
    TimelineView *view(int index) const { return m_views.at(std::size_t(index)); }
    // The window both show, in ns after each run's start.
    qint64 windowStartNs() const;
    qint64 windowEndNs() const;

public slots:
    void fitAll();

private:
    void follow(int source, qint64 startNs, qint64 endNs);
    void updateLabelWidth();

    std::array<QLabel *, 2> m_titles {};
    std::array<QLabel *, 2> m_outcomes {};
    std::array<TimelineView *, 2> m_views {};
    std::optional<RunComparison> m_comparison;
    bool m_following = false; // one view is being moved to match the other
};

} // namespace weft::ui
