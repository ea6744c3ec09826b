// SPDX-License-Identifier: MIT
#include "core/derived/tracearrows.h"
#include "core/record/chunkreader.h"
#include "core/record/recordingdecoder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <map>
#include <sys/wait.h>
#include <tuple>

using namespace weft;
using namespace weft::record;

namespace {

// Writes chunk files the way the recording library does, from records a test spells out.
class ChunkWriter
{
public:
    explicit ChunkWriter(QString dir)
        : m_dir(std::move(dir))
    {
    }

    void add(qint32 pid, qint32 tid, RawKind kind, qint64 timeNs, std::uint64_t object = 0,
             qint64 value = 0, qint64 value2 = 0, const QByteArray &text = {})
    {
        RawRecord r {};
        r.timeNs = timeNs;
        r.object = object;
        r.value = value;
        r.value2 = value2;
        r.kind = std::uint16_t(kind);
        r.textBytes = std::uint16_t(text.size());
        r.tid = tid;
        QByteArray &records = m_threads[{pid, tid}];
        records.append(reinterpret_cast<const char *>(&r), sizeof r);
        QByteArray padded = text;
        padded.resize(((text.size() + 39) / 40) * 40, '\0');
        records.append(padded);
    }

    void write() const
    {
        for (const auto &[key, records] : m_threads) {
            QFile file(QStringLiteral("%1/%2-%3-0.wrc").arg(m_dir).arg(key.first).arg(key.second));
            QVERIFY(file.open(QIODevice::WriteOnly));
            ChunkHeader header {};
            header.magic = kChunkMagic;
            header.version = kFormatVersion;
            header.pid = key.first;
            header.tid = key.second;
            header.capacity = chunkCapacity();
            header.count = std::uint32_t(records.size() / 40);
            QByteArray head(kChunkHeaderBytes, '\0');
            std::memcpy(head.data(), &header, sizeof header);
            file.write(head);
            file.write(records);
            file.write(QByteArray(4000, '\0'));
        }
    }

private:
    QString m_dir;
    std::map<std::pair<qint32, qint32>, QByteArray> m_threads;
};

Trace decode(const QString &dir, const ProgramEnd &end, QStringList *warnings = nullptr)
{
    ChunkReader reader(dir);
    RecordingDecoder decoder;
    Trace trace = decoder.decode(reader.readAll(), end);
    if (warnings)
        *warnings = reader.warnings() + decoder.warnings();
    return trace;
}

int countKind(const Trace &trace, EventKind kind, quint32 actor = 0)
{
    int n = 0;
    for (const Event &e : trace.events())
        n += e.kind == kind && (actor == 0 || e.actor == actor);
    return n;
}

quint32 actorByNativeId(const Trace &trace, qint64 tid)
{
    for (int a = 1; a <= trace.actorCount(); ++a) {
        if (trace.actor(quint32(a)).nativeId == tid)
            return quint32(a);
    }
    return 0;
}

ProgramEnd exited(qint32 pid, int code = 0)
{
    ProgramEnd end;
    end.how = ProgramEnd::How::Exited;
    end.code = code;
    end.pid = pid;
    end.command = QStringLiteral("./prog");
    return end;
}

} // namespace

class TestRecordingDecoder : public QObject
{
    Q_OBJECT

private slots:
    void contendedMutexWaitsThenOwns()
    {
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        w.add(100, 100, RawKind::ProcessBegin, 10, 0, 1, 0, "./prog arg");
        w.add(100, 100, RawKind::ThreadCreate, 20, 0xA);
        w.add(100, 101, RawKind::ThreadBegin, 15, 0xA, 100); // before create returns
        w.add(100, 101, RawKind::LockAcquired, 30, 0x1000, 0, 1);
        w.add(100, 100, RawKind::LockWait, 40, 0x1000, 0, 1);
        w.add(100, 101, RawKind::LockReleased, 50, 0x1000, 0, 1);
        w.add(100, 100, RawKind::LockAcquired, 51, 0x1000, 0, 1);
        w.add(100, 100, RawKind::LockReleased, 60, 0x1000, 0, 1);
        w.add(100, 101, RawKind::ThreadEnd, 70, 0xA);
        w.add(100, 100, RawKind::JoinBegin, 65, 0xA);
        w.add(100, 100, RawKind::JoinEnd, 71, 0xA);
        w.write();
        const Trace trace = decode(dir.path(), exited(100));
        QCOMPARE(trace.actorCount(), 2);
        const quint32 main = actorByNativeId(trace, 100), worker = actorByNativeId(trace, 101);
        QVERIFY(main && worker);
        QCOMPARE(trace.actor(main).name, QStringLiteral("main"));
        QCOMPARE(trace.process(trace.actor(main).process).name, QStringLiteral("prog"));
        QVERIFY(trace.actor(main).isMainThread);
        QCOMPARE(countKind(trace, EventKind::LockWait, main), 1);
        QCOMPARE(countKind(trace, EventKind::LockWait, worker), 0);
        const auto waits = trace.eventsOfKind(EventKind::LockWait);
        QCOMPARE(trace.object(waits.front().object).name, QStringLiteral("mutex 1"));
        // The creation matched its thread although the thread started first.
        const auto spawns = trace.eventsOfKind(EventKind::ThreadSpawn);
        QCOMPARE(spawns.size(), std::size_t(1));
        QCOMPARE(spawns.front().value, qint64(worker));
        const auto joins = trace.eventsOfKind(EventKind::JoinDone);
        QCOMPARE(joins.size(), std::size_t(1));
        QCOMPARE(joins.front().value, qint64(worker));
        QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
        QCOMPARE(trace.outcome().value(QStringLiteral("lock_waits")), 1);
    }

    // What weft's Python probe says turns CPython's semaphores back into the
    // script's objects: a Condition.wait's waiter lock is the wait, the
    // notifier's release of it is hidden behind the notify, a named Lock keeps
    // its name until it is destroyed, and text the probe saw written is shown
    // on the writer's lane, not again when the buffer reaches the fd.
    void pythonObjectsWaitsAndPrints()
    {
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        constexpr qint64 sem = qint64(LockType::Semaphore);
        constexpr std::uint64_t cond = 0x7f00, lock = 0x5000, waiter = 0x6000;
        w.add(100, 100, RawKind::ProcessBegin, 10, 0, 1, 0, "python3 x.py");
        w.add(100, 100, RawKind::PyObject, 11, lock, qint64(PyKind::RLock), 0, "cond._lock");
        w.add(100, 100, RawKind::PyObject, 12, cond, qint64(PyKind::Condition), 0, "cond");
        w.add(100, 101, RawKind::ThreadBegin, 13, 0xA, 100);
        w.add(100, 101, RawKind::LockAcquired, 20, lock, 0, sem);
        w.add(100, 101, RawKind::PyWaitBegin, 21, cond);
        w.add(100, 101, RawKind::LockAcquired, 22, waiter, 0, sem); // the waiter, taken at once
        w.add(100, 101, RawKind::LockReleased, 23, lock, 0, sem);
        w.add(100, 101, RawKind::LockWait, 24, waiter, 0, sem); // blocks
        w.add(100, 102, RawKind::ThreadBegin, 14, 0xB, 100);
        w.add(100, 102, RawKind::LockAcquired, 30, lock, 0, sem);
        w.add(100, 102, RawKind::PyNotify, 31, cond, 1);
        w.add(100, 102, RawKind::LockReleased, 32, waiter, 0, sem); // notify lets it go
        w.add(100, 102, RawKind::LockReleased, 33, lock, 0, sem);
        w.add(100, 101, RawKind::LockAcquired, 34, waiter, 0, sem); // woken
        w.add(100, 101, RawKind::LockAcquired, 35, lock, 0, sem);
        w.add(100, 101, RawKind::LockDestroyed, 36, waiter, 0, sem);
        w.add(100, 101, RawKind::PyWaitEnd, 37, cond, 1);
        w.add(100, 101, RawKind::PyWrite, 38, 1, 6, 0, "hello\n");
        w.add(100, 101, RawKind::LockReleased, 39, lock, 0, sem);
        w.add(100, 101, RawKind::ThreadEnd, 40, 0xA);
        w.add(100, 102, RawKind::ThreadEnd, 41, 0xB);
        w.add(100, 100, RawKind::LockDestroyed, 50, lock, 0, sem);
        w.add(100, 100, RawKind::LockAcquired, 51, lock, 0, sem); // another lock at that address
        w.add(100, 100, RawKind::Print, 60, 1, 9, 0, "hello\nok\n"); // the buffer, flushed at exit
        w.write();
        const Trace trace = decode(dir.path(), exited(100));
        const quint32 main = actorByNativeId(trace, 100), waiting = actorByNativeId(trace, 101),
                      notifying = actorByNativeId(trace, 102);
        QVERIFY(main && waiting && notifying);
        QStringList objects;
        for (quint32 o = 1; o <= quint32(trace.objectCount()); ++o)
            objects.append(trace.object(o).name);
        QCOMPARE(objects,
                 (QStringList {QStringLiteral("cond._lock"), QStringLiteral("cond"),
                               QStringLiteral("sem 1")}));
        QCOMPARE(countKind(trace, EventKind::CondWait, waiting), 1);
        QCOMPARE(countKind(trace, EventKind::CondWake, waiting), 1);
        QCOMPARE(countKind(trace, EventKind::CondNotify, notifying), 1);
        QCOMPARE(countKind(trace, EventKind::LockWait), 0);
        QCOMPARE(countKind(trace, EventKind::LockAcquired, waiting), 2); // the lock, twice
        QCOMPARE(countKind(trace, EventKind::LockReleased, notifying), 1);
        const auto wait = trace.eventsOfKind(EventKind::CondWait).front();
        QCOMPARE(wait.timeNs, 24);
        QCOMPARE(trace.object(wait.object).kind, ObjectKind::Condition);
        QCOMPARE(trace.eventsOfKind(EventKind::CondWake).front().timeNs, 34);
        const auto prints = trace.eventsOfKind(EventKind::Print);
        QCOMPARE(prints.size(), std::size_t(2));
        QCOMPARE(prints[0].actor, waiting);
        QCOMPARE(trace.text(prints[0].text), QStringLiteral("hello"));
        QCOMPARE(prints[1].actor, main); // written by nothing the probe saw: shown as before
        QCOMPARE(trace.text(prints[1].text), QStringLiteral("ok"));
    }

    void tcpBetweenProcessesIsOneChannel()
    {
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        w.add(100, 100, RawKind::ProcessBegin, 10, 0, 1, 0, "server");
        w.add(100, 100, RawKind::Fork, 20, 0, 200);
        w.add(200, 200, RawKind::ProcessBegin, 21, 0, 100, 0, "server");
        w.add(200, 200, RawKind::FdInfo, 30, 4, qint64(FdType::Tcp), 0,
              "127.0.0.1:40000|127.0.0.1:5000");
        w.add(200, 200, RawKind::Send, 31, 4, 10);
        w.add(100, 100, RawKind::FdInfo, 32, 3, qint64(FdType::Tcp), 0,
              "127.0.0.1:5000|127.0.0.1:40000");
        w.add(100, 100, RawKind::Recv, 33, 3, 6);
        w.add(100, 100, RawKind::Recv, 34, 3, 4);
        w.add(200, 200, RawKind::ProcessExit, 40, 0, 0);
        w.add(100, 100, RawKind::WaitBegin, 35, 0, 200);
        w.add(100, 100, RawKind::WaitEnd, 41, 0, 200, 0);
        w.write();
        const Trace trace = decode(dir.path(), exited(100));
        QCOMPARE(trace.processCount(), 2);
        const auto sends = trace.eventsOfKind(EventKind::PacketSend);
        const auto recvs = trace.eventsOfKind(EventKind::PacketRecv);
        QCOMPARE(sends.size(), std::size_t(1));
        QCOMPARE(recvs.size(), std::size_t(2));
        QCOMPARE(recvs[0].object, sends[0].object);
        QCOMPARE(recvs[1].object, sends[0].object);
        QCOMPARE(recvs[0].value + recvs[1].value, sends[0].value);
        const quint32 child = actorByNativeId(trace, 200);
        QCOMPARE(trace.eventsOfKind(EventKind::ThreadSpawn).front().value, qint64(child));
        QCOMPARE(trace.eventsOfKind(EventKind::JoinDone).front().value, qint64(child));
        QCOMPARE(countKind(trace, EventKind::ProcessExit), 2);
    }

    void multiprocessingMessagesPairAcrossProcesses()
    {
        // A duplex Pipe (ends 5 and 6) and a Queue (its pipe, 7): declared in
        // the parent, used from both processes; an undeclared end (9) is not shown.
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        w.add(100, 100, RawKind::ProcessBegin, 10, 0, 1, 0, "python3 x.py");
        w.add(100, 100, RawKind::PyChannel, 11, 5, 6, 0, "parent_conn\nchild_conn");
        w.add(100, 100, RawKind::PyChannel, 12, 7, 7, 0, "q");
        w.add(100, 100, RawKind::Fork, 20, 0, 200);
        w.add(200, 200, RawKind::ProcessBegin, 21, 0, 100, 0, "python3 x.py");
        w.add(100, 100, RawKind::PyChannelPut, 30, 5, 40, 0, "b'ping'");
        w.add(200, 200, RawKind::PyChannelGet, 31, 6, 40, 0, "b'ping'");
        w.add(200, 200, RawKind::PyChannelPut, 32, 6, 40, 0, "b'pong'");
        w.add(100, 100, RawKind::PyChannelGet, 33, 5, 40, 0, "b'pong'");
        w.add(200, 200, RawKind::PyChannelPut, 34, 7, 28, 0, "1");
        w.add(100, 100, RawKind::PyChannelGet, 35, 7, 28, 0, "1");
        w.add(200, 200, RawKind::PyChannelPut, 36, 9, 28, 0, "2");
        // Socket ends each process declares itself (a Manager's), the receiver
        // only after the first message; and one whose other end is unknown (13).
        w.add(200, 200, RawKind::PyChannel, 40, 11, 12, 1, "worker 1");
        w.add(200, 200, RawKind::PyChannelPut, 41, 11, 8, 0, "'get'");
        w.add(100, 100, RawKind::PyChannel, 42, 12, 11, 1, "SyncManager-1");
        w.add(100, 100, RawKind::PyChannelGet, 43, 12, 8, 0, "'get'");
        w.add(200, 200, RawKind::PyChannel, 44, 13, 0, 1, "worker 1");
        w.add(200, 200, RawKind::PyChannelPut, 45, 13, 8, 0, "'set'");
        w.write();
        const Trace trace = decode(dir.path(), exited(100));
        const quint32 parent = actorByNativeId(trace, 100), child = actorByNativeId(trace, 200);
        QVERIFY(parent && child);
        std::vector<std::tuple<QString, quint32, quint32, QString>> messages;
        for (const TraceArrows::Arrow &a : TraceArrows::messageArrows(trace)) {
            const Event &sent = trace.events()[a.from];
            const Event &got = trace.events()[a.to];
            QCOMPARE(sent.object, got.object);
            messages.emplace_back(trace.object(sent.object).name, sent.actor, got.actor,
                                  trace.text(got.text));
        }
        using M = std::tuple<QString, quint32, quint32, QString>;
        QCOMPARE(messages,
                 (std::vector<M> {M {QStringLiteral("parent_conn \u2192 child_conn"), parent, child,
                                     QStringLiteral("b'ping'")},
                                  M {QStringLiteral("child_conn \u2192 parent_conn"), child, parent,
                                     QStringLiteral("b'pong'")},
                                  M {QStringLiteral("q"), child, parent, QStringLiteral("1")},
                                  M {QStringLiteral("worker 1 \u2192 SyncManager-1"), child, parent,
                                     QStringLiteral("'get'")}}));
        QCOMPARE(trace.object(trace.eventsOfKind(EventKind::MessageRecv)[2].object).kind,
                 ObjectKind::Queue);
        const auto sends = trace.eventsOfKind(EventKind::MessageSend);
        QCOMPARE(sends.size(), std::size_t(5));
        QCOMPARE(trace.object(sends.back().object).name,
                 QStringLiteral("worker 1 \u2192 an unknown end"));
    }

    void nonBlockingConnectIsNoError()
    {
        // connect() on a socket with a timeout returns EINPROGRESS, then a poll
        // waits for the connection: not a failure. A refused one is.
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        w.add(100, 100, RawKind::ProcessBegin, 10, 0, 1, 0, "python3 x.py");
        w.add(100, 100, RawKind::ConnectBegin, 20, 3, 0, 0, "127.0.0.1:8080");
        w.add(100, 100, RawKind::ConnectEnd, 21, 3, -EINPROGRESS);
        w.add(100, 100, RawKind::ConnectBegin, 30, 4, 0, 0, "127.0.0.1:1");
        w.add(100, 100, RawKind::ConnectEnd, 31, 4, -ECONNREFUSED);
        w.write();
        const Trace trace = decode(dir.path(), exited(100));
        const auto errors = trace.eventsOfKind(EventKind::Error);
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors.front().timeNs, 31);
        QStringList ops;
        for (const Event &e : trace.eventsOfKind(EventKind::SocketOp))
            ops << trace.text(e.text);
        QCOMPARE(ops, QStringList {QStringLiteral("connecting (the answer comes later)")});
    }

    void childKilledBySignalIsSaidSo()
    {
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        w.add(100, 100, RawKind::ProcessBegin, 10, 0, 1, 0, "parent");
        w.add(100, 100, RawKind::Fork, 20, 0, 200);
        w.add(200, 200, RawKind::ProcessBegin, 21, 0, 100, 0, "parent");
        w.add(100, 100, RawKind::WaitBegin, 22, 0, -1);
        w.add(100, 100, RawKind::WaitEnd, 50, 0, 200, SIGSEGV); // raw status: killed by 11
        w.write();
        const Trace trace = decode(dir.path(), exited(100, 1));
        const quint32 child = actorByNativeId(trace, 200);
        bool found = false;
        for (const Event &e : trace.eventsOfKind(EventKind::ProcessExit)) {
            if (e.actor != child)
                continue;
            found = true;
            QVERIFY(e.isAbnormal());
            QCOMPARE(e.value, qint64(128 + SIGSEGV));
            QCOMPARE(trace.text(e.text), QStringLiteral("killed by SIGSEGV"));
        }
        QVERIFY(found);
        QCOMPARE(trace.outcome().status, Outcome::Status::Failed);
        QVERIFY(trace.outcome().summary.contains(QStringLiteral("status 1")));
    }

    void aStoppedChildHasNotEnded()
    {
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        w.add(100, 100, RawKind::ProcessBegin, 10, 0, 1, 0, "parent");
        w.add(100, 100, RawKind::Fork, 20, 0, 200);
        w.add(200, 200, RawKind::ProcessBegin, 21, 0, 100, 0, "parent");
        w.add(100, 100, RawKind::WaitBegin, 22, 0, 200);
        w.add(100, 100, RawKind::WaitEnd, 30, 0, 200, 0x137f); // WUNTRACED: stopped by SIGSTOP
        w.add(200, 200, RawKind::ProcessExit, 40, 0, 3);
        w.add(100, 100, RawKind::WaitBegin, 41, 0, 200);
        w.add(100, 100, RawKind::WaitEnd, 42, 0, 200, 3 << 8);
        // A thread of another process with the same number as a tid seen before
        // is a lane of its own.
        w.add(300, 101, RawKind::ThreadBegin, 43, 0xA, 300);
        w.add(100, 101, RawKind::ThreadBegin, 12, 0xA, 100);
        w.write();
        const Trace trace = decode(dir.path(), exited(100));
        const quint32 child = actorByNativeId(trace, 200);
        const auto exits = trace.eventsOfKind(EventKind::ProcessExit);
        bool found = false;
        for (const Event &e : exits) {
            if (e.actor != child)
                continue;
            found = true;
            QCOMPARE(e.value, qint64(3));
            QCOMPARE(e.timeNs, qint64(40));
            QVERIFY(!e.isAbnormal());
        }
        QVERIFY(found);
        int lanes101 = 0;
        for (int a = 1; a <= trace.actorCount(); ++a)
            lanes101 += trace.actor(quint32(a)).nativeId == 101;
        QCOMPARE(lanes101, 2);
    }

    void standingCycleIsADeadlock()
    {
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        w.add(100, 100, RawKind::ProcessBegin, 10, 0, 1, 0, "deadlock");
        w.add(100, 101, RawKind::ThreadBegin, 11, 0xA, 100);
        w.add(100, 102, RawKind::ThreadBegin, 12, 0xB, 100);
        w.add(100, 101, RawKind::LockAcquired, 20, 0x1, 0, 1);
        w.add(100, 102, RawKind::LockAcquired, 21, 0x2, 0, 1);
        w.add(100, 101, RawKind::LockWait, 30, 0x2, 0, 1);
        w.add(100, 102, RawKind::LockWait, 31, 0x1, 0, 1);
        w.write();
        ProgramEnd end;
        end.how = ProgramEnd::How::TimedOut;
        end.pid = 100;
        end.endNs = 1000;
        const Trace trace = decode(dir.path(), end);
        QCOMPARE(trace.outcome().status, Outcome::Status::Deadlocked);
        QCOMPARE(trace.outcome().value(QStringLiteral("cycle_length")), 2);
        int ring = 0;
        for (const Event &e : trace.eventsOfKind(EventKind::Mark)) {
            if (!(e.flags & WaitsFor))
                continue;
            ++ring;
            QCOMPARE(e.timeNs, qint64(31));
            QVERIFY(e.value != qint64(e.actor));
        }
        QCOMPARE(ring, 2);
        QVERIFY(trace.outcome().summary.contains(QStringLiteral("mutex 2")));
    }

    void releasedLockIsNoDeadlock()
    {
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        w.add(100, 101, RawKind::LockAcquired, 20, 0x1, 0, 1);
        w.add(100, 102, RawKind::LockWait, 21, 0x1, 0, 1);
        w.add(100, 101, RawKind::LockWait, 22, 0x2, 0, 1); // nobody holds 0x2
        w.write();
        ProgramEnd end;
        end.how = ProgramEnd::How::Cancelled;
        end.pid = 100;
        const Trace trace = decode(dir.path(), end);
        QCOMPARE(trace.outcome().status, Outcome::Status::Cancelled);
    }

    void aSemaphoreUsedAsASignalIsNoDeadlock()
    {
        // CPython's Event.wait: the waiter takes its lock, blocks taking it again,
        // and another thread posts it. Stopped while it waits: no self-deadlock.
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        const qint64 sem = qint64(LockType::Semaphore);
        w.add(100, 101, RawKind::LockAcquired, 20, 0x5, 0, sem);
        w.add(100, 101, RawKind::LockWait, 21, 0x5, 0, sem);
        w.write();
        ProgramEnd end;
        end.how = ProgramEnd::How::TimedOut;
        end.pid = 100;
        QCOMPARE(decode(dir.path(), end).outcome().status, Outcome::Status::TimedOut);

        // The same on a mutex is a real self-deadlock.
        QTemporaryDir dir2;
        ChunkWriter m(dir2.path());
        m.add(100, 101, RawKind::LockAcquired, 20, 0x5, 0, qint64(LockType::Mutex));
        m.add(100, 101, RawKind::LockWait, 21, 0x5, 0, qint64(LockType::Mutex));
        m.write();
        QCOMPARE(decode(dir2.path(), end).outcome().status, Outcome::Status::Deadlocked);

        // Two semaphores taken in opposite orders by two threads still deadlock.
        QTemporaryDir dir3;
        ChunkWriter t(dir3.path());
        t.add(100, 101, RawKind::LockAcquired, 20, 0x1, 0, sem);
        t.add(100, 102, RawKind::LockAcquired, 21, 0x2, 0, sem);
        t.add(100, 101, RawKind::LockWait, 22, 0x2, 0, sem);
        t.add(100, 102, RawKind::LockWait, 23, 0x1, 0, sem);
        t.write();
        QCOMPARE(decode(dir3.path(), end).outcome().status, Outcome::Status::Deadlocked);
    }

    void printsAndNamesAreCleanText()
    {
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        w.add(100, 100, RawKind::ProcessBegin, 10, 0, 1, 0, "/usr/bin/prog");
        w.add(100, 101, RawKind::ThreadBegin, 11, 0xA, 100);
        w.add(100, 101, RawKind::ThreadName, 12, 0xA, 0, 0, "worker\x1b]0;x");
        // The creator names its second thread before that thread's first record.
        w.add(100, 100, RawKind::ThreadCreate, 14, 0xB);
        w.add(100, 100, RawKind::ThreadName, 15, 0xB, 0, 0, "pong");
        w.add(100, 102, RawKind::ThreadBegin, 16, 0xB, 100);
        w.add(100, 101, RawKind::Print, 13, 1, 6, 0, "hello\n");
        // Python's print("counter =", 12): four writes, one line.
        w.add(100, 100, RawKind::Print, 20, 1, 9, 0, "counter =");
        w.add(100, 100, RawKind::Print, 21, 1, 1, 0, " ");
        w.add(100, 100, RawKind::Print, 22, 1, 2, 0, "12");
        w.add(100, 100, RawKind::Print, 23, 1, 1, 0, "\n");
        w.add(100, 100, RawKind::Print, 24, 1, 4, 0, "tail"); // never ended: still shown
        w.write();
        const Trace trace = decode(dir.path(), exited(100));
        const quint32 worker = actorByNativeId(trace, 101);
        QCOMPARE(trace.actor(worker).name, QStringLiteral("worker\\x1b]0;x"));
        QCOMPARE(trace.actor(actorByNativeId(trace, 102)).name, QStringLiteral("pong"));
        QCOMPARE(trace.actor(actorByNativeId(trace, 100)).name, QStringLiteral("main"));
        const auto prints = trace.eventsOfKind(EventKind::Print);
        QCOMPARE(prints.size(), std::size_t(3));
        QCOMPARE(trace.text(prints[0].text), QStringLiteral("hello"));
        QCOMPARE(prints[0].actor, worker);
        QCOMPARE(trace.text(prints[1].text), QStringLiteral("counter = 12"));
        QCOMPARE(prints[1].timeNs, qint64(20));
        QCOMPARE(prints[1].value, qint64(13));
        QCOMPARE(trace.text(prints[2].text), QStringLiteral("tail"));
    }

    void damagedChunksAreSkippedWithAWarning()
    {
        QTemporaryDir dir;
        ChunkWriter w(dir.path());
        w.add(100, 100, RawKind::ProcessBegin, 10, 0, 1, 0, "prog");
        w.write();
        // Not a chunk; a chunk whose count overruns; a record whose text overruns.
        QFile junk(dir.filePath(QStringLiteral("100-101-0.wrc")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(200, 'x'));
        junk.close();
        QFile overrun(dir.filePath(QStringLiteral("100-102-0.wrc")));
        QVERIFY(overrun.open(QIODevice::WriteOnly));
        ChunkHeader header {};
        header.magic = kChunkMagic;
        header.version = kFormatVersion;
        header.pid = 100;
        header.tid = 102;
        header.count = 1000000;
        QByteArray bytes(kChunkHeaderBytes + 80, '\0');
        std::memcpy(bytes.data(), &header, sizeof header);
        RawRecord r {};
        r.kind = std::uint16_t(RawKind::Print);
        r.textBytes = 500;
        r.tid = 102;
        r.timeNs = 12;
        std::memcpy(bytes.data() + kChunkHeaderBytes, &r, sizeof r);
        overrun.write(bytes);
        overrun.close();
        QStringList warnings;
        const Trace trace = decode(dir.path(), exited(100), &warnings);
        QCOMPARE(warnings.size(), 3);
        QCOMPARE(countKind(trace, EventKind::ProcessStart), 1);
        QCOMPARE(countKind(trace, EventKind::Print), 0);
    }

    void waitStatusWords()
    {
        QCOMPARE(describeWaitStatus(int(ProgramEnd::How::Signalled), SIGKILL),
                 QStringLiteral("killed by SIGKILL"));
        QCOMPARE(describeWaitStatus(int(ProgramEnd::How::Exited), 3),
                 QStringLiteral("exited with status 3"));
    }
};

QTEST_GUILESS_MAIN(TestRecordingDecoder)
#include "tst_recordingdecoder.moc"
