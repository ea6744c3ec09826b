#pragma once

#include "core/scenario.h"

#include <functional>

namespace weft::testsupport {

// A scenario made of a lambda, so a test of a traced primitive states exactly what it runs.
class LambdaScenario : public Scenario
{
public:
    explicit LambdaScenario(std::function<void(RunContext &)> body)
        : m_body(std::move(body))
    {
    }
    QString id() const override { return QStringLiteral("test.lambda"); }
    Topic topic() const override { return Topic::Processes; }
    QString title() const override { return QStringLiteral("test"); }
    QString explanation() const override { return {}; }
    QString sourceResource() const override { return {}; }
    void run(RunContext &context) const override { m_body(context); }

private:
    std::function<void(RunContext &)> m_body;
};

} // namespace weft::testsupport
