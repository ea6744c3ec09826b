// SPDX-License-Identifier: MIT
#include "scenarioregistry.h"

#include <stdexcept>

namespace weft {

void ScenarioRegistry::add(std::unique_ptr<Scenario> scenario)
{
    if (find(scenario->id()))
        throw std::logic_error("duplicate scenario id " + scenario->id().toStdString());
    m_scenarios.push_back(std::move(scenario));
}

const Scenario *ScenarioRegistry::find(const QString &id) const
{
    for (const auto &s : m_scenarios) {
        if (s->id() == id)
            return s.get();
    }
    return nullptr;
}

std::vector<const Scenario *> ScenarioRegistry::all() const
{
    std::vector<const Scenario *> result;
    for (const auto &s : m_scenarios)
        result.push_back(s.get());
    return result;
}

const Scenario *ScenarioRegistry::twinOf(const Scenario &scenario) const
{
    if (!scenario.twinId().isEmpty())
        return find(scenario.twinId());
    for (const auto &s : m_scenarios) {
        if (s->twinId() == scenario.id())
            return s.get();
    }
    return nullptr;
}

std::vector<const Scenario *> ScenarioRegistry::byTopic(Topic topic) const
{
    std::vector<const Scenario *> result;
    for (const auto &s : m_scenarios) {
        if (s->topic() == topic)
            result.push_back(s.get());
    }
    return result;
}

} // namespace weft
