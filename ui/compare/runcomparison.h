// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QCoreApplication>
#include <QString>

namespace weft::ui {

// Two runs side by side as words: what to call each (the parameter values
// that differ, unless the caller knows better), what each came to, and the
// one line that says how they differ ("nolock: 4898 updates lost in 24 ms;
// lock: exact in 73 ms"). Generic: it reads only what every Outcome holds
// (status, summary, the conventional "lost" value) and the runs' durations.
class RunComparison
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::RunComparison)
public:
    RunComparison(Trace first, Trace second);

    const Trace &first() const { return m_first; }
    const Trace &second() const { return m_second; }
    // Labels given here win over the derived ones (e.g. a choice's translated label).
    void setLabels(const QString &first, const QString &second);
    QString firstLabel() const { return m_firstLabel; }
    QString secondLabel() const { return m_secondLabel; }

    // A run's length: from its first event to its last.
    static qint64 durationNs(const Trace &trace);
    // The longer of the two: the shared time scale spans it.
    qint64 sharedDurationNs() const;
    // Step-aligned: both runs on the step-order axis (StepOrder), each event a
    // column, so step N of one stands above step N of the other. The texts
    // (outcomes, the difference) stay those of the real runs; the shared
    // length is then in columns.
    void setStepAligned(bool aligned) { m_stepAligned = aligned; }
    bool isStepAligned() const { return m_stepAligned; }
    // What the picture draws of run 0 or 1: the trace, or its step-order map.
    Trace shownTrace(int index) const;
    // What one run came to, in a few words: "4898 updates lost", "exact",
    // "deadlock detected", or the first sentence of its summary.
    static QString resultOf(const Trace &trace);
    // The line under the comparison's title.
    QString differenceLine() const;
    // A heading for the pair: the scenario's title (the shorter of a lesson's
    // and its twin's), or both titles.
    QString title() const;
    // The title of one run's frame: its label and its scenario's title.
    QString frameTitle(bool second) const;

private:
    void deriveLabels();
    Trace m_first, m_second;
    QString m_firstLabel, m_secondLabel;
    bool m_stepAligned = false;
};

} // namespace weft::ui
