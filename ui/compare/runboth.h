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

// The parameter a "Run Both" varies and the two values it takes.
struct ComparedParameter
{
    QString key;
    QVariant first, second;
    QString firstLabel, secondLabel; // as the form shows them, translated
};

// Run ▸ Run Both: runs one scenario twice, once per value of its comparison
// parameter (a choice: the current value and the next one; a switch: on and
// off), one run after the other through its own RunSession, then offers the
// pair as a RunComparison. Runs no scenario code itself.
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
    void cancel();
    bool isRunning() const;
    // The pair, once finished() was emitted.
    const std::optional<RunComparison> &result() const { return m_result; }

Q_SIGNALS:
    // "Running mode = with a lock (1 of 2)…"
    void progress(const QString &message);
    void finished();

private:
    void onRunFinished(const Trace &trace);

    RunSession *m_session;
    const Scenario *m_scenario = nullptr;
    ParameterValues m_values;
    ComparedParameter m_parameter;
    std::optional<Trace> m_first;
    std::optional<RunComparison> m_result;
};

} // namespace weft::ui
