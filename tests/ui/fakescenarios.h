// SPDX-License-Identifier: MIT
#pragma once

// Small stand-ins for real scenarios, so UI tests never link weft_scenarios.

#include "core/runcontext.h"
#include "core/scenario.h"
#include "core/scenarioregistry.h"
#include "core/tracing.h"

#include <memory>

namespace weft::test {

class FakeScenario : public Scenario
{
public:
    FakeScenario(QString id, Topic topic, QString title, QList<ParameterSpec> parameters = {})
        : m_id(std::move(id))
        , m_topic(topic)
        , m_title(std::move(title))
        , m_parameters(std::move(parameters))
    {
    }
    QString id() const override { return m_id; }
    Topic topic() const override { return m_topic; }
    QString title() const override { return m_title; }
    QString explanation() const override { return QStringLiteral("Explains %1.").arg(m_id); }
    QList<ParameterSpec> parameters() const override { return m_parameters; }
    QString sourceResource() const override { return {}; }
    // Prints `count` lines and states an outcome naming the count, so a test
    // can see both the output and the summary come from the run.
    void run(RunContext &context) const override
    {
        const qint64 count = context.parameters().contains(QStringLiteral("count"))
            ? context.parameters().integer(QStringLiteral("count"))
            : 1;
        for (qint64 i = 0; i < count; ++i)
            print(QStringLiteral("hello %1").arg(i));
        Outcome outcome;
        outcome.summary = QStringLiteral("fake outcome: printed %1 lines").arg(count);
        outcome.setValue(QStringLiteral("count"), count);
        context.setOutcome(outcome);
    }

private:
    QString m_id;
    Topic m_topic;
    QString m_title;
    QList<ParameterSpec> m_parameters;
};

inline std::unique_ptr<ScenarioRegistry> makeFakeRegistry()
{
    auto registry = std::make_unique<ScenarioRegistry>();
    registry->add(std::make_unique<FakeScenario>(
        QStringLiteral("fake.hello"), Topic::Threads, QStringLiteral("Hello"),
        QList<ParameterSpec> {
            ParameterSpec::integer(QStringLiteral("count"), QStringLiteral("Count"), 2, 1, 10)}));
    registry->add(std::make_unique<FakeScenario>(QStringLiteral("fake.second"), Topic::Threads,
                                                 QStringLiteral("Second")));
    registry->add(std::make_unique<FakeScenario>(QStringLiteral("fake.lock"), Topic::Locks,
                                                 QStringLiteral("Lock")));
    registry->add(std::make_unique<FakeScenario>(QStringLiteral("fake.socket"), Topic::Sockets,
                                                 QStringLiteral("Socket")));
    return registry;
}

} // namespace weft::test
