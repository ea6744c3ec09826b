// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace weft {

// A process that contributed lanes to a trace (the app itself, or a child worker).
struct ProcessInfo
{
    qint64 pid = 0;
    QString name;
    friend bool operator==(const ProcessInfo &, const ProcessInfo &) = default;
};

// A lane: one thread of one process.
struct ActorInfo
{
    QString name;
    qint64 nativeId = 0; // gettid() on Linux; 0 until the thread has started
    quint32 process = 0; // index into Trace::processes() + 1; 0 = unknown
    bool isMainThread = false;
    bool isDaemon = false;
    friend bool operator==(const ActorInfo &, const ActorInfo &) = default;
};

enum class ObjectKind : quint8 {
    Other = 0,
    Lock,
    Condition,
    Socket,
    Channel, // a byte stream or message channel between two endpoints
    Queue,
    Counter, // a value drawn as a counter track (queue depth, bytes in flight)
    Gil,
};

struct ObjectInfo
{
    QString name;
    ObjectKind kind = ObjectKind::Other;
    friend bool operator==(const ObjectInfo &, const ObjectInfo &) = default;
};

// Where in a scenario's source an event was emitted; file is relative to
// core/scenarios/ (e.g. "threads/threadscreate.cpp"), matching the embedded resource.
struct SourceSite
{
    QString file;
    int line = 0;
    friend bool operator==(const SourceSite &, const SourceSite &) = default;
};

// What a run proved, stated in a sentence and as named numbers a test can check.
struct Outcome
{
    enum class Status : quint8 { NotRun = 0, Completed, Failed, Cancelled, TimedOut, Deadlocked };
    Status status = Status::NotRun;
    QString summary; // translated sentence, e.g. "counter = 173 ..."
    QList<QPair<QString, qint64>> values; // e.g. {"expected", 200}, {"final", 173}

    qint64 value(const QString &key, qint64 fallback = 0) const;
    bool hasValue(const QString &key) const;
    void setValue(const QString &key, qint64 value);
    friend bool operator==(const Outcome &, const Outcome &) = default;
};

QString outcomeStatusName(Outcome::Status status);

struct TraceMetadata
{
    QString scenarioId; // empty for imported traces
    QString title;
    QList<QPair<QString, QString>> parameters; // key, value as text
    Outcome outcome;
    quint64 droppedEvents = 0;
    friend bool operator==(const TraceMetadata &, const TraceMetadata &) = default;
};

} // namespace weft
