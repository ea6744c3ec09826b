// SPDX-License-Identifier: MIT
#include "workerroles.h"

#include <algorithm>
#include <stdexcept>

namespace weft {

WorkerRoles &WorkerRoles::instance()
{
    static WorkerRoles roles;
    return roles;
}

void WorkerRoles::add(WorkerRole role)
{
    std::lock_guard lock(m_mutex);
    const auto same = std::find_if(m_roles.begin(), m_roles.end(),
                                   [&](const WorkerRole &r) { return r.name == role.name; });
    if (same != m_roles.end())
        *same = std::move(role);
    else
        m_roles.push_back(std::move(role));
}

std::optional<WorkerRole> WorkerRoles::find(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    for (const WorkerRole &role : m_roles) {
        if (role.name == name)
            return role;
    }
    return std::nullopt;
}

QString WorkerRoles::nameOf(WorkerTargetKey target) const
{
    std::lock_guard lock(m_mutex);
    for (const WorkerRole &role : m_roles) {
        if (target && role.target == target)
            return role.name;
    }
    throw std::logic_error("weft::Process: the target function was never registered with "
                           "workerTarget(), so no child process could run it");
}

QStringList WorkerRoles::names() const
{
    std::lock_guard lock(m_mutex);
    QStringList result;
    for (const WorkerRole &role : m_roles)
        result << role.name;
    result.sort();
    return result;
}

} // namespace weft
