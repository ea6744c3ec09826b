// SPDX-License-Identifier: MIT
#include "fakescenario.h"

#include "core/runcontext.h"
#include "core/tracing.h"

namespace weft::testsupport {

FakeScenario::FakeScenario(QString id, Topic topic, QString title, QList<ParameterSpec> parameters)
    : m_id(std::move(id))
    , m_topic(topic)
    , m_title(std::move(title))
    , m_parameters(std::move(parameters))
{
}

QString FakeScenario::explanation() const
{
    return QStringLiteral("Explains %1.").arg(m_id);
}

void FakeScenario::run(RunContext &context) const
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

FakePythonTwin::FakePythonTwin(const Scenario &twin)
    : FakeScenario(twin.id() + QStringLiteral(".py"), twin.topic(),
                   twin.title() + QStringLiteral(" (Python)"), twin.parameters())
    , m_twinId(twin.id())
{
}

std::unique_ptr<ScenarioRegistry> makeFakeRegistry()
{
    auto registry = std::make_unique<ScenarioRegistry>();
    registry->add(std::make_unique<FakeScenario>(
        QStringLiteral("fake.hello"), Topic::Threads, QStringLiteral("Hello"),
        QList<ParameterSpec> {
            ParameterSpec::integer(QStringLiteral("count"), QStringLiteral("Count"), 2, 1, 10)}));
    registry->add(std::make_unique<FakePythonTwin>(*registry->find(QStringLiteral("fake.hello"))));
    registry->add(std::make_unique<FakeScenario>(QStringLiteral("fake.second"), Topic::Threads,
                                                 QStringLiteral("Second")));
    registry->add(std::make_unique<FakeScenario>(QStringLiteral("fake.lock"), Topic::Locks,
                                                 QStringLiteral("Lock")));
    registry->add(std::make_unique<FakeScenario>(QStringLiteral("fake.socket"), Topic::Sockets,
                                                 QStringLiteral("Socket")));
    return registry;
}

} // namespace weft::testsupport
