// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"
#include "core/parameter.h"
#include "queueclient.h"
#include "workercontext.h"
#include "workerroles.h"

#include <QString>
#include <chrono>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace weft {

// Python's Process(target=f, args=(...)) for a Weft child process.
//
// The child is this same executable started in worker mode, so it cannot be
// handed a function, only told which one to run: f is registered once under a
// name with workerTarget(), and Process(name, f, args...) looks that name up.
// The child then runs f itself, so f's traced calls carry the lines of the
// file that defines it.
//
// Each argument crosses by the type of f's parameter it is for:
//   bool, int, qint64, std::chrono::milliseconds, QString
//       as text on the command line, keyed by the parameter's position from
//       1 (as in args=(...)), and checked by the child before f runs;
//   Connection             one end of a pipe (the parent gives up its end);
//   QueueClient            a handle on a Queue the parent passes;
//   std::vector<Connection> several pipe ends; their count travels as text.

template<typename R, typename... Params> WorkerTargetKey workerTargetKey(R (*target)(Params...))
{
    return reinterpret_cast<WorkerTargetKey>(target);
}

// How a plain value crosses: its parameter spec, and its text both ways.
template<typename T> struct TargetValue; // no definition: a type not listed above does not compile

template<> struct TargetValue<bool>
{
    static ParameterSpec spec(const QString &key);
    static QString encode(bool value);
    static bool decode(const QVariant &value);
};
template<> struct TargetValue<int>
{
    static ParameterSpec spec(const QString &key);
    static QString encode(int value);
    static int decode(const QVariant &value);
};
template<> struct TargetValue<qint64>
{
    static ParameterSpec spec(const QString &key);
    static QString encode(qint64 value);
    static qint64 decode(const QVariant &value);
};
template<> struct TargetValue<std::chrono::milliseconds>
{
    static ParameterSpec spec(const QString &key);
    static QString encode(std::chrono::milliseconds value);
    static std::chrono::milliseconds decode(const QVariant &value);
};
template<> struct TargetValue<QString>
{
    static ParameterSpec spec(const QString &key);
    static QString encode(const QString &value);
    static QString decode(const QVariant &value);
};

// The command-line key of the parameter at `position` (from 1).
QString targetArgumentKey(int position);
// The spec of a count of pipe ends (std::vector<Connection>).
ParameterSpec targetEndCountSpec(const QString &key);

// The child's side: takes f's arguments, in order, from what the worker was given.
class TargetArguments
{
public:
    explicit TargetArguments(WorkerContext &worker)
        : m_worker(worker)
    {
    }

    template<typename T> T take(int position)
    {
        if constexpr (std::is_same_v<T, Connection>) {
            return m_worker.connection(m_nextEndpoint++);
        } else if constexpr (std::is_same_v<T, QueueClient>) {
            return m_worker.queue(m_nextEndpoint++);
        } else if constexpr (std::is_same_v<T, std::vector<Connection>>) {
            std::vector<Connection> ends;
            const qint64 count = m_worker.parameters().integer(targetArgumentKey(position));
            for (qint64 i = 0; i < count; ++i)
                ends.push_back(m_worker.connection(m_nextEndpoint++));
            return ends;
        } else {
            return TargetValue<T>::decode(m_worker.parameters().value(targetArgumentKey(position)));
        }
    }

    // The spec of the parameter at `position`, if it travels as text.
    template<typename T> static void addSpec(QList<ParameterSpec> &specs, int position)
    {
        if constexpr (std::is_same_v<T, std::vector<Connection>>)
            specs << targetEndCountSpec(targetArgumentKey(position));
        else if constexpr (!std::is_same_v<T, Connection> && !std::is_same_v<T, QueueClient>)
            specs << TargetValue<T>::spec(targetArgumentKey(position));
    }

private:
    WorkerContext &m_worker;
    int m_nextEndpoint = 0;
};

namespace detail {
template<typename R, typename... Params, std::size_t... I>
int callTarget(R (*target)(Params...), WorkerContext &worker, std::index_sequence<I...>)
{
    [[maybe_unused]] TargetArguments arguments(worker);
    std::tuple<std::decay_t<Params>...> values;
    // A comma fold runs left to right: endpoints are taken in parameter order.
    ((std::get<I>(values) = arguments.take<std::decay_t<Params>>(int(I) + 1)), ...);
    if constexpr (std::is_void_v<R>) {
        target(std::move(std::get<I>(values))...);
        return 0;
    } else {
        return int(target(std::move(std::get<I>(values))...));
    }
}
} // namespace detail

// The role that runs `target` in a child process, under `name`. Register it
// with WorkerRoles::instance().add() in the parent and in the child alike
// (both reach the scenario's factory), so both can find it.
template<typename R, typename... Params>
WorkerRole workerTarget(QString name, R (*target)(Params...))
{
    static_assert(std::is_void_v<R> || std::is_convertible_v<R, int>,
                  "a worker target returns nothing, or its exit code");
    static_assert((!(std::is_lvalue_reference_v<
                         Params> && !std::is_const_v<std::remove_reference_t<Params>>)&&...),
                  "a worker target takes its arguments by value or by const reference");
    WorkerRole role;
    role.name = std::move(name);
    role.target = workerTargetKey(target);
    [&]<std::size_t... I>(std::index_sequence<I...>)
    {
        (TargetArguments::addSpec<std::decay_t<Params>>(role.parameters, int(I) + 1), ...);
    }
    (std::index_sequence_for<Params...> {});
    role.run = [target](WorkerContext &worker) {
        return detail::callTarget(target, worker, std::index_sequence_for<Params...> {});
    };
    return role;
}

} // namespace weft
