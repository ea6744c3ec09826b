// SPDX-License-Identifier: MIT
#pragma once

// A scenario made of a lambda, so engine tests can run traced code through the
// real Runner (thread lanes, cancellation, timeout, outcome) without a catalogue
// entry, and state exactly what they run.

#include "core/runner.h"
#include "core/scenario.h"

#include <functional>

namespace weft::testsupport {

class FunctionScenario : public Scenario
{
public:
    explicit FunctionScenario(std::function<void(RunContext &)> body)
        : m_body(std::move(body))
    {
    }
    QString id() const override { return QStringLiteral("test.function"); }
    Topic topic() const override { return Topic::Sync; }
    QString title() const override { return QStringLiteral("test"); }
    QString explanation() const override { return {}; }
    QString sourceResource() const override { return {}; }
    void run(RunContext &context) const override { m_body(context); }

private:
    std::function<void(RunContext &)> m_body;
};

inline Trace runFunction(std::function<void(RunContext &)> body,
                         std::chrono::milliseconds timeout = std::chrono::seconds(60))
{
    FunctionScenario scenario(std::move(body));
    RunOptions options;
    options.timeout = timeout;
    return Runner::run(scenario, ParameterValues(), options);
}

} // namespace weft::testsupport
