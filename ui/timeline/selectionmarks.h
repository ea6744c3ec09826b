// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QtGlobal>

namespace weft::ui {

// A selected wait and what ended it ("who unblocked whom"), as the timeline
// draws it: the wait's span outlined on the waiter's lane and an arrow from
// the other lane's event (the release, the thread's end, the notify, the
// send) to the moment the waiter went on.
struct WaitLink
{
    quint32 waiter = 0;
    qint64 waitStartNs = 0;
    qint64 waitEndNs = 0;
    quint32 causeActor = 0; // 0: nothing known ended it (the wait still runs, or no cause found)
    qint64 causeNs = 0;
    QString label; // "unblocked by T3 (line 45)"
    friend bool operator==(const WaitLink &, const WaitLink &) = default;
};

// A range of time the user marked on the ruler (Shift+drag): the view says
// how long it is and how many events it holds; breakdown and export use it.
struct TimeRange
{
    qint64 fromNs = 0;
    qint64 toNs = 0;
    qint64 durationNs() const { return toNs - fromNs; }
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

} // namespace weft::ui
