// SPDX-License-Identifier: MIT
#pragma once

#include "scenario.h"

#include <memory>
#include <vector>

namespace weft {

// The scenarios the app offers, in catalogue order.
class ScenarioRegistry
{
public:
    void add(std::unique_ptr<Scenario> scenario);
    const Scenario *find(const QString &id) const;
    std::vector<const Scenario *> all() const;
    std::vector<const Scenario *> byTopic(Topic topic) const;
    // The same lesson in the other language, or nullptr if it has none.
    const Scenario *twinOf(const Scenario &scenario) const;
    int size() const { return int(m_scenarios.size()); }

private:
    std::vector<std::unique_ptr<Scenario>> m_scenarios;
};

} // namespace weft
