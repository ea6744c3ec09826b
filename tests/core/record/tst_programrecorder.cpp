// SPDX-License-Identifier: MIT
// Real programs (tests/core/record/fixtures) recorded through the real
// library: every assertion is about what the events say the program did.
#include "core/record/programrecorder.h"
#include "core/record/streamingdecoder.h"
#include "core/tracefile.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <csignal>
#include <map>
#include <set>

using namespace weft;
using namespace weft::record;

namespace {

QString fixture(const char *name)
{
    return QDir(QStringLiteral(WEFT_FIXTURE_DIR)).filePath(QLatin1String(name));
}

struct Recording
{
    Trace trace;
    int exitStatus = -1;
    qint64 pid = 0;
    QStringList warnings;
};

Recording recordProgram(const QStringList &command,
                        std::chrono::milliseconds timeout = std::chrono::seconds(60))
{
    ProgramRecorder recorder;
    ProgramRecorder::Options options;
    options.command = command;
    options.preloadLibrary = QStringLiteral(WEFT_RECORD_LIBRARY);
    options.timeout = timeout;
    QString error;
    Recording result;
    if (!recorder.start(options, &error)) {
        result.exitStatus = recorder.exitStatus();
        result.warnings = {error};
        return result;
    }
    recorder.waitForFinished();
    result.trace = recorder.trace();
    result.exitStatus = recorder.exitStatus();
    result.pid = recorder.end().pid;
    result.warnings = recorder.warnings();
    return result;
}

int count(const Trace &trace, EventKind kind)
{
    return int(trace.eventsOfKind(kind).size());
}

// At most one holder per lock at any instant, from the events alone.
bool locksNeverShared(const Trace &trace, QString *why)
{
    std::map<quint32, quint32> holder;
    for (const Event &e : trace.events()) {
        if (trace.object(e.object).kind != ObjectKind::Lock)
            continue;
        if (trace.object(e.object).name.startsWith(QLatin1String("sem")))
            continue; // a semaphore may count past one
        if (e.kind == EventKind::LockAcquired) {
            if (holder.count(e.object) && holder[e.object] != 0 && e.value == 0) {
                *why = QStringLiteral("%1 acquired %2 held by %3")
                           .arg(e.actor)
                           .arg(trace.object(e.object).name)
                           .arg(holder[e.object]);
                return false;
            }
            holder[e.object] = e.actor;
        } else if (e.kind == EventKind::LockReleased && holder[e.object] == e.actor) {
            holder[e.object] = 0;
        }
    }
    return true;
}

bool processGone(qint64 pid)
{
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

} // namespace

class TestProgramRecorder : public QObject
{
    Q_OBJECT

private slots:
    void mutexPingPongHandsTheLockBackAndForth()
    {
        const Recording r = recordProgram({fixture("rec_mutex_pingpong")});
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(r.trace.processCount(), 1);
        QVERIFY2(r.trace.actorCount() >= 3, qPrintable(QString::number(r.trace.actorCount())));
        QVERIFY(count(r.trace, EventKind::LockAcquired) >= 40);
        QCOMPARE(count(r.trace, EventKind::LockAcquired), count(r.trace, EventKind::LockReleased));
        QString why;
        QVERIFY2(locksNeverShared(r.trace, &why), qPrintable(why));
        // Both threads took the mutex: it really was handed back and forth.
        QSet<quint32> owners;
        for (const Event &e : r.trace.eventsOfKind(EventKind::LockAcquired))
            owners.insert(e.actor);
        QVERIFY(owners.size() >= 2);
        QCOMPARE(count(r.trace, EventKind::ThreadStart), count(r.trace, EventKind::ThreadEnd));
        QCOMPARE(r.trace.outcome().status, Outcome::Status::Completed);
    }

    void conditionVariableNotifiesWakeWaiters()
    {
        const Recording r = recordProgram({fixture("rec_condvar_prodcons")});
        QCOMPARE(r.exitStatus, 0);
        QVERIFY(count(r.trace, EventKind::CondNotify) > 0);
        QVERIFY(count(r.trace, EventKind::CondWait) > 0);
        QCOMPARE(count(r.trace, EventKind::CondWait), count(r.trace, EventKind::CondWake));
        QVERIFY(r.trace.actorCount() >= 5);
        QString why;
        QVERIFY2(locksNeverShared(r.trace, &why), qPrintable(why));
    }

    void deadlockIsDetectedAndKilled()
    {
        const Recording r = recordProgram({fixture("rec_deadlock")}, std::chrono::seconds(5));
        QCOMPARE(r.exitStatus, 124);
        QCOMPARE(r.trace.outcome().status, Outcome::Status::Deadlocked);
        QCOMPARE(r.trace.outcome().value(QStringLiteral("cycle_length")), 2);
        int ring = 0;
        for (const Event &e : r.trace.eventsOfKind(EventKind::Mark))
            ring += (e.flags & WaitsFor) != 0;
        QCOMPARE(ring, 2);
        QTRY_VERIFY(processGone(r.pid));
    }

    void tcpBetweenTwoProcessesMatchesBytes()
    {
        const Recording r = recordProgram({fixture("rec_tcp_pair")});
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(r.trace.processCount(), 2);
        std::map<quint32, qint64> sent, received;
        std::map<quint32, std::set<quint32>> sendersOf, receiversOf;
        for (const Event &e : r.trace.events()) {
            if (e.kind == EventKind::PacketSend) {
                sent[e.object] += e.value;
                sendersOf[e.object].insert(r.trace.actor(e.actor).process);
            } else if (e.kind == EventKind::PacketRecv) {
                received[e.object] += e.value;
                receiversOf[e.object].insert(r.trace.actor(e.actor).process);
            }
        }
        QVERIFY(!sent.empty());
        qint64 crossProcessBytes = 0;
        for (const auto &[channel, bytes] : sent) {
            if (!r.trace.object(channel).name.contains(QStringLiteral("127.0.0.1")))
                continue; // the port hand-over pipe
            QCOMPARE(received[channel], bytes);
            crossProcessBytes += bytes;
        }
        QVERIFY(crossProcessBytes > 0);
    }

    void forkPipeAndWaitAreSpawnAndJoin()
    {
        const Recording r = recordProgram({fixture("rec_fork_pipe")});
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(r.trace.processCount(), 2);
        const auto spawns = r.trace.eventsOfKind(EventKind::ThreadSpawn);
        QCOMPARE(spawns.size(), std::size_t(1));
        const quint32 child = quint32(spawns.front().value);
        QVERIFY(r.trace.actor(child).isMainThread);
        bool joined = false;
        for (const Event &e : r.trace.eventsOfKind(EventKind::JoinDone))
            joined |= e.value == qint64(child);
        QVERIFY(joined);
        qint64 sent = 0, received = 0;
        for (const Event &e : r.trace.eventsOfKind(EventKind::PacketSend))
            sent += e.value;
        for (const Event &e : r.trace.eventsOfKind(EventKind::PacketRecv))
            received += e.value;
        QVERIFY(sent > 0);
        QCOMPARE(received, sent);
    }

    void execChainKeepsRecording()
    {
        const Recording r = recordProgram({fixture("rec_fork_exec")});
        QCOMPARE(r.exitStatus, 0);
        QVERIFY(r.trace.processCount() >= 2);
        int execs = 0;
        for (const Event &e : r.trace.eventsOfKind(EventKind::Mark))
            execs += r.trace.text(e.text).startsWith(QLatin1String("exec "));
        QVERIFY(execs >= 1);
    }

    void crashKeepsTheTraceUpToTheCrash()
    {
        const Recording r = recordProgram({fixture("rec_crash")});
        QCOMPARE(r.exitStatus, 128 + SIGSEGV);
        QVERIFY2(r.trace.outcome().summary.contains(QStringLiteral("SIGSEGV")),
                 qPrintable(r.trace.outcome().summary));
        QVERIFY(count(r.trace, EventKind::LockAcquired) > 0);
        QVERIFY(r.trace.actorCount() >= 2);
    }

    void closingAllDescriptorsDoesNotStopTheRecording()
    {
        const Recording r = recordProgram({fixture("rec_closefds")});
        QCOMPARE(r.exitStatus, 0);
        QVERIFY(count(r.trace, EventKind::ThreadStart) >= 2);
        QVERIFY(count(r.trace, EventKind::LockAcquired) > 0);
    }

    void fiveHundredChildren()
    {
        const Recording r = recordProgram({fixture("rec_many_children")});
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(r.trace.processCount(), 501);
        QCOMPARE(count(r.trace, EventKind::ThreadSpawn), 500);
        QVERIFY(count(r.trace, EventKind::JoinDone) >= 500);
    }

    void threadNamesBecomeLaneNames()
    {
        const Recording r = recordProgram({fixture("rec_names")});
        QCOMPARE(r.exitStatus, 0);
        QStringList names;
        for (int a = 1; a <= r.trace.actorCount(); ++a)
            names << r.trace.actor(quint32(a)).name;
        QVERIFY2(names.join(u',').contains(QStringLiteral("worker")), qPrintable(names.join(u',')));
    }

    void timeoutKillsTheWholeGroup()
    {
        const Recording r = recordProgram({fixture("rec_sleeper")}, std::chrono::seconds(3));
        QCOMPARE(r.exitStatus, 124);
        QCOMPARE(r.trace.outcome().status, Outcome::Status::TimedOut);
        QVERIFY(count(r.trace, EventKind::SleepBegin) > 0);
        QTRY_VERIFY(processGone(r.pid));
    }

    void streamedDecodingGivesTheSameTrace()
    {
        // One run, decoded both ways: whole at the end, and streamed from a
        // copy of its chunks in 1 ms steps (each step writes what settled).
        ProgramRecorder recorder;
        ProgramRecorder::Options options;
        options.command = {fixture("rec_mutex_pingpong")};
        options.preloadLibrary = QStringLiteral(WEFT_RECORD_LIBRARY);
        QString error;
        QVERIFY2(recorder.start(options, &error), qPrintable(error));
        recorder.waitForFinished();
        const Trace whole = recorder.trace();
        QVERIFY(whole.events().size() > 100);
        QTemporaryDir copy;
        const QDir from(recorder.recordingDirectory());
        for (const QString &chunk : from.entryList({QStringLiteral("*.wrc")}, QDir::Files))
            QVERIFY(QFile::copy(from.filePath(chunk), copy.filePath(chunk)));

        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        StreamingDecoder streaming(copy.path(), &buffer,
                                   ProgramEnd {ProgramEnd::How::Running, 0, recorder.end().pid, 0,
                                               recorder.end().command});
        streaming.begin();
        const qint64 first = whole.startNs(), last = whole.endNs();
        for (qint64 t = first; t <= last + 2 * StreamingDecoder::kLookaheadNs; t += 1'000'000)
            streaming.decodeUpTo(t);
        const Trace tables = streaming.finish(recorder.end());
        QCOMPARE(qint64(streaming.eventsWritten()), qint64(whole.events().size()));
        // Everything read was deleted: the directory holds nothing the decoder has.
        QVERIFY(QDir(copy.path()).entryList({QStringLiteral("*.wrc")}, QDir::Files).isEmpty());
        QStringList warnings;
        const auto loaded = TraceFile::deserialize(bytes, &error, &warnings);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        QCOMPARE(loaded->actorCount(), whole.actorCount());
        for (int a = 1; a <= whole.actorCount(); ++a)
            QCOMPARE(loaded->actor(quint32(a)).name, whole.actor(quint32(a)).name);
        QCOMPARE(loaded->events().size(), whole.events().size());
        for (std::size_t i = 0; i < whole.events().size(); ++i)
            QVERIFY2(loaded->events()[i] == whole.events()[i], qPrintable(QString::number(i)));
        QVERIFY(*loaded == whole);
        QCOMPARE(tables.outcome().summary, whole.outcome().summary);
    }

    void streamedRecordingWritesAFileAsItRuns()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("run.weft")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        ProgramRecorder recorder;
        ProgramRecorder::Options options;
        options.command = {fixture("rec_mutex_pingpong")};
        options.preloadLibrary = QStringLiteral(WEFT_RECORD_LIBRARY);
        options.stream = true;
        options.streamTo = &file;
        QString error;
        QVERIFY2(recorder.start(options, &error), qPrintable(error));
        QVERIFY(recorder.isStreaming());
        recorder.waitForFinished();
        const Trace tables = recorder.trace();
        file.close();
        QVERIFY(tables.isEmpty()); // the events are in the file
        QCOMPARE(tables.outcome().status, Outcome::Status::Completed);
        QStringList warnings;
        const auto loaded = TraceFile::load(file.fileName(), &error, &warnings);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        QCOMPARE(qint64(loaded->events().size()), qint64(recorder.streamedEvents()));
        QVERIFY(count(*loaded, EventKind::LockAcquired) >= 40);
        QCOMPARE(count(*loaded, EventKind::LockAcquired), count(*loaded, EventKind::LockReleased));
        QCOMPARE(count(*loaded, EventKind::ThreadStart), count(*loaded, EventKind::ThreadEnd));
        QCOMPARE(count(*loaded, EventKind::ThreadSpawn), 2);
        QString why;
        QVERIFY2(locksNeverShared(*loaded, &why), qPrintable(why));
        QCOMPARE(loaded->outcome().status, Outcome::Status::Completed);
        QVERIFY(loaded->actorCount() >= 3);
    }

    void streamedRecordingStopsAtTheTimeout()
    {
        // The decoder's thread ends with the run; a file cut short opens.
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("run.weft")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        qint64 pid = 0;
        {
            ProgramRecorder recorder;
            ProgramRecorder::Options options;
            options.command = {fixture("rec_sleeper")};
            options.preloadLibrary = QStringLiteral(WEFT_RECORD_LIBRARY);
            options.timeout = std::chrono::seconds(2);
            options.stream = true;
            options.streamTo = &file;
            QString error;
            QVERIFY2(recorder.start(options, &error), qPrintable(error));
            recorder.waitForFinished();
            QCOMPARE(recorder.exitStatus(), 124);
            QCOMPARE(recorder.trace().outcome().status, Outcome::Status::TimedOut);
            pid = recorder.end().pid;
        }
        file.close();
        QTRY_VERIFY(processGone(pid));
        QString error;
        QStringList warnings;
        const auto loaded = TraceFile::load(file.fileName(), &error, &warnings);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(warnings.isEmpty());
        QVERIFY(count(*loaded, EventKind::SleepBegin) > 0);
        // Cut in the middle: what is whole still opens, with the warning.
        QFile cut(file.fileName());
        QVERIFY(cut.resize(cut.size() / 2));
        const auto half = TraceFile::load(file.fileName(), &error, &warnings);
        QVERIFY2(half, qPrintable(error));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(QStringLiteral("cut short")),
                 qPrintable(warnings.first()));
        QVERIFY(half->events().size() < loaded->events().size());
    }

    void environmentAdditionsReplaceInheritedValues()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("env.txt"));
        qputenv("WEFT_TEST_CHOICE", "inherited");
        ProgramRecorder recorder;
        ProgramRecorder::Options options;
        options.command = {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                           QStringLiteral("printf %s \"$WEFT_TEST_CHOICE\" > \"$1\""),
                           QStringLiteral("sh"), out};
        options.environment = {QStringLiteral("WEFT_TEST_CHOICE=added"),
                               QStringLiteral("WEFT_RECORD_DIR=/nowhere")};
        options.preloadLibrary = QStringLiteral(WEFT_RECORD_LIBRARY);
        options.timeout = std::chrono::seconds(30);
        QString error;
        QVERIFY2(recorder.start(options, &error), qPrintable(error));
        recorder.waitForFinished();
        qunsetenv("WEFT_TEST_CHOICE");
        QCOMPARE(recorder.exitStatus(), 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("added"));
        // The recording's own variable cannot be redirected: the shell was recorded.
        QVERIFY(!recorder.trace().eventsOfKind(EventKind::ProcessStart).empty());
    }

    void commandNotFoundIs127()
    {
        const Recording r = recordProgram({QStringLiteral("weft-no-such-program-xyz")});
        QCOMPARE(r.exitStatus, 127);
        QVERIFY(r.warnings.join(u' ').contains(QStringLiteral("not found")));
    }

    void staticProgramIsExplained()
    {
        const QString program = fixture("rec_static");
        QVERIFY(ProgramRecorder::preloadObstacle(program).contains(QStringLiteral("statically")));
        const Recording r = recordProgram({program});
        QCOMPARE(r.exitStatus, 0);
        QVERIFY(r.warnings.join(u' ').contains(QStringLiteral("no events")));
        QVERIFY(ProgramRecorder::preloadObstacle(fixture("rec_names")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProgramRecorder)
#include "tst_programrecorder.moc"
