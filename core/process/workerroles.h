// SPDX-License-Identifier: MIT
#pragma once

#include "core/parameter.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace weft {

class WorkerContext;

// A function a child process can run, as a comparable key (see workerTargetKey()).
using WorkerTargetKey = void (*)();

// What a child process started as `weft --worker <name> key=value ...` runs.
// It runs on the child's traced MainThread lane; its return value is the
// process's exit code.
struct WorkerRole
{
    QString name;
    QList<ParameterSpec> parameters; // checked before the role runs
    std::function<int(WorkerContext &)> run;
    // The scenario's function this role calls, if it was made by workerTarget().
    WorkerTargetKey target = nullptr;
};

// The roles this executable can play as a worker. Filled explicitly by
// registerProcessScenarios() (reached through weft::catalogue()), never by
// static initialisers, which a static library would drop.
class WorkerRoles
{
public:
    static WorkerRoles &instance();

    // Replaces a role of the same name, so registering twice is harmless.
    void add(WorkerRole role);
    std::optional<WorkerRole> find(const QString &name) const;
    // The name `target` was registered under; throws std::logic_error if it was
    // not, since a child process could not find it either.
    QString nameOf(WorkerTargetKey target) const;
    QStringList names() const;

private:
    mutable std::mutex m_mutex;
    std::vector<WorkerRole> m_roles;
};

} // namespace weft
