// SPDX-License-Identifier: MIT
#pragma once

#include "core/parameter.h"
#include "core/trace.h"
#include "runcomparison.h"

#include <QObject>
#include <optional>

namespace weft {
class Scenario;
} // namespace weft

namespace weft::ui {

class RunSession;
struct TwinPair;

// The parameter a "Run Both" varies and the two values it takes.
struct ComparedParameter
{
    QString key;
    QVariant first, second;
    QString firstLabel, secondLabel; // as the form shows them, translated
};

// Run ▸ Run Both: runs one scenario twice, once per value of its comparison
// parameter (a choice: the current value and the next one; a switch: on and
// off), or a lesson in C++ and then its Python twin, one run after the other
// through its own RunSession, then offers the pair as a RunComparison. Runs
// no scenario code itself.
class RunBoth : public QObject
{
    Q_OBJECT
public:
    explicit RunBoth(QObject *parent = nullptr);
    ~RunBoth() override;

    // The first choice parameter, else the first switch; none if the scenario has neither.
    static std::optional<ComparedParameter> parameterToCompare(const QList<ParameterSpec> &specs,
                                                               const ParameterValues &values);

    // False (and nothing runs) while running or if there is nothing to vary.
    bool start(const Scenario &scenario, const ParameterValues &values);
    // The C++ lesson, then its Python twin, labelled "C++" and "Python".
    bool startTwins(const TwinPair &twins);
    void cancel();
    bool isRunning() const;
    // The pair, once finished() was emitted.
    const std::optional<RunComparison> &result() const { return m_result; }

Q_SIGNALS:
    // "Running mode = with a lock (1 of 2)…"
    void progress(const QString &message);
    void finished();

private:
    // One of the two runs: what runs, with which values, and what to call it.
    struct Planned
    {
        const Scenario *scenario = nullptr;
        ParameterValues values;
        QString label;
    };
    bool startPair(const Planned &first, const Planned &second);
    void onRunFinished(const Trace &trace);

    RunSession *m_session;
    Planned m_planned[2];
    bool m_secondPending = false; // cleared by cancel(): no second run after a cancelled first
    std::optional<Trace> m_first;
    std::optional<RunComparison> m_result;
};

} // namespace weft::ui
