// SPDX-License-Identifier: MIT
#pragma once

// Small stand-ins for real scenarios, so UI tests never link weft_scenarios.

#include "core/scenario.h"
#include "core/scenarioregistry.h"

#include <memory>

namespace weft::testsupport {

// Prints `count` lines (a parameter, 1 without it) and states an outcome naming
// the count, so a test can see both the output and the summary come from the run.
class FakeScenario : public Scenario
{
public:
    FakeScenario(QString id, Topic topic, QString title, QList<ParameterSpec> parameters = {});

    QString id() const override { return m_id; }
    Topic topic() const override { return m_topic; }
    QString title() const override { return m_title; }
    QString explanation() const override;
    QList<ParameterSpec> parameters() const override { return m_parameters; }
    QString sourceResource() const override { return {}; }
    void run(RunContext &context) const override;

private:
    QString m_id;
    Topic m_topic;
    QString m_title;
    QList<ParameterSpec> m_parameters;
};

// The same fake lesson "in Python": a FakeScenario whose language is Python
// and whose twin is `twinId`.
class FakePythonTwin : public FakeScenario
{
public:
    explicit FakePythonTwin(const Scenario &twin);
    SourceLanguage language() const override { return SourceLanguage::Python; }
    QString twinId() const override { return m_twinId; }
    QString unavailableReason() const override { return m_unavailable; }
    // As a Python lesson on a machine without python3.
    void setUnavailableReason(QString reason) { m_unavailable = std::move(reason); }

private:
    QString m_twinId;
    QString m_unavailable;
};

// fake.hello (with a "count" parameter, 1..10, default 2) and its Python twin
// fake.hello.py, and fake.second under Threads; fake.lock under Locks,
// fake.socket under Sockets.
std::unique_ptr<ScenarioRegistry> makeFakeRegistry();

} // namespace weft::testsupport
