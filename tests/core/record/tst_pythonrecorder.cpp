// SPDX-License-Identifier: MIT
// Python programs (fixtures/python/*.py) recorded under the real CPython
// (/usr/bin/python3) through the real library and weft's probe: thread
// names, daemons, lines of the script, the real GIL, threading objects by
// their Python names, notify and put/get arrows, prints and sleeps, all from
// the events. Any order a test checks is forced inside the fixture.
#include "core/derived/tracearrows.h"
#include "core/record/programrecorder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>
#include <algorithm>
#include <map>
#include <set>

using namespace weft;
using namespace weft::record;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

QString script(const char *name)
{
    return QDir(QStringLiteral(WEFT_PY_FIXTURE_DIR)).filePath(QLatin1String(name));
}

int lineOf(const QString &file, const QString &marker)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    int line = 0;
    while (!f.atEnd()) {
        ++line;
        if (QString::fromUtf8(f.readLine()).contains(marker))
            return line;
    }
    return -1;
}

struct Recording
{
    Trace trace;
    int exitStatus = -1;
};

Recording recordScript(const QStringList &arguments)
{
    ProgramRecorder recorder;
    ProgramRecorder::Options options;
    options.command = QStringList {kPython} + arguments;
    options.preloadLibrary = QStringLiteral(WEFT_RECORD_LIBRARY);
    options.timeout = std::chrono::seconds(60);
    QString error;
    Recording result;
    if (!recorder.start(options, &error)) {
        qWarning() << error;
        return result;
    }
    recorder.waitForFinished();
    result.trace = recorder.trace();
    result.exitStatus = recorder.exitStatus();
    return result;
}

quint32 actorNamed(const Trace &trace, const QString &name)
{
    for (quint32 a = 1; a <= quint32(trace.actorCount()); ++a) {
        if (trace.actor(a).name == name)
            return a;
    }
    return 0;
}

int countOf(const Trace &trace, EventKind kind, quint32 object, quint32 actor = 0)
{
    int n = 0;
    for (const Event &e : trace.eventsOfKind(kind))
        n += e.object == object && (actor == 0 || e.actor == actor);
    return n;
}

// The notify -> wake arrows from a notify on `object` (copied: arrows() refers
// into its TraceArrows, which would not outlive a loop over a temporary's).
std::vector<TraceArrows::Arrow> notifyArrowsOn(const Trace &trace, quint32 object)
{
    const TraceArrows derived(trace, TraceArrows::Handoffs::Skip);
    std::vector<TraceArrows::Arrow> arrows;
    for (const TraceArrows::Arrow &a : derived.arrows())
        if (a.kind == TraceArrows::Kind::Notify && trace.events()[a.from].object == object)
            arrows.push_back(a);
    return arrows;
}

quint32 gilOf(const Trace &trace)
{
    for (quint32 o = 1; o <= quint32(trace.objectCount()); ++o) {
        if (trace.object(o).kind == ObjectKind::Gil)
            return o;
    }
    return 0;
}

} // namespace

class TestPythonRecorder : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void threadsHaveTheirPythonNames();
    void lockOwnersAreOnTheScriptsWithLine();
    void gilIsHeldByOneThreadAndHandedOver();
    void objectsHaveTheirPythonNames();
    void aLocksOwnersComeInTheOrderTheScriptForces();
    void conditionNotifyArrowsEndTheWaits();
    void eventSetEndsTheWait();
    void queueDeliversEachItemOnce();
    void processMessagesCrossProcesses_data();
    void processMessagesCrossProcesses();
    void printsAndSleepsAreOnTheirThreadsLanes();
    void socketCallsAreOnTheirLines();
};

void TestPythonRecorder::initTestCase()
{
    if (!QFileInfo(kPython).isExecutable())
        QSKIP("no /usr/bin/python3");
    QVERIFY2(!ProgramRecorder::pythonProbe(QStringLiteral(WEFT_RECORD_LIBRARY)).isEmpty(),
             "weft_probe.py is not next to the recording library");
}

void TestPythonRecorder::threadsHaveTheirPythonNames()
{
    const Recording r = recordScript({script("names.py")});
    QCOMPARE(r.exitStatus, 0);
    const Trace &trace = r.trace;
    QVERIFY(actorNamed(trace, QStringLiteral("MainThread")) != 0);
    const quint32 first = actorNamed(trace, QStringLiteral("Thread-1 (worker)"));
    QVERIFY(first != 0);
    QVERIFY(actorNamed(trace, QStringLiteral("Thread-2 (worker)")) != 0);
    QVERIFY(actorNamed(trace, QStringLiteral("reporter")) != 0);
    const quint32 daemon = actorNamed(trace, QStringLiteral("Thread-3 (wait)"));
    QVERIFY(daemon != 0);
    QVERIFY(trace.actor(daemon).isDaemon);
    QVERIFY(!trace.actor(first).isDaemon);
    QVERIFY(!trace.actor(actorNamed(trace, QStringLiteral("MainThread"))).isDaemon);
    // The worker's print is on its own lane; the main thread's on the script's line.
    const quint32 main = actorNamed(trace, QStringLiteral("MainThread"));
    const int doneLine = lineOf(script("names.py"), QStringLiteral("print(\"done\""));
    bool workerPrinted = false, mainPrinted = false;
    for (const Event &e : trace.eventsOfKind(EventKind::Print)) {
        workerPrinted |= e.actor == first;
        if (e.actor == main && trace.text(e.text).contains(QLatin1String("done"))) {
            mainPrinted = true;
            QCOMPARE(trace.site(e.site).file, script("names.py"));
            // Known gap: print writes with the GIL released and its own GIL-held
            // steps are not all seen, so the line may be the previous statement's.
            QVERIFY(trace.site(e.site).line >= doneLine - 1 && trace.site(e.site).line <= doneLine);
        }
    }
    QVERIFY(workerPrinted);
    QVERIFY(mainPrinted);
}

void TestPythonRecorder::lockOwnersAreOnTheScriptsWithLine()
{
    const Recording r = recordScript({script("lock_owner.py")});
    QCOMPARE(r.exitStatus, 0);
    const Trace &trace = r.trace;
    const int withLine = lineOf(script("lock_owner.py"), QStringLiteral("LOCK_LINE"));
    QVERIFY(withLine > 0);
    // The script's lock: the semaphore acquired on the `with lock:` line.
    std::map<quint32, int> acquiresOnLine;
    for (const Event &e : trace.eventsOfKind(EventKind::LockAcquired)) {
        const SourceSite site = trace.site(e.site);
        if (site.file == script("lock_owner.py") && site.line == withLine)
            ++acquiresOnLine[e.object];
    }
    QCOMPARE(acquiresOnLine.size(), size_t(1));
    const quint32 lock = acquiresOnLine.begin()->first;
    QCOMPARE(acquiresOnLine.begin()->second, 600);
    QCOMPARE(trace.object(lock).name, QStringLiteral("lock"));
    // Its owners: one at a time, each acquire released by the same thread, all three workers.
    // (Its address may have been an earlier, freed lock's: from its first acquire on the line.)
    quint32 holder = 0;
    std::map<quint32, int> perOwner;
    bool begun = false;
    for (const Event &e : trace.events()) {
        if (e.object != lock)
            continue;
        begun = begun || (e.kind == EventKind::LockAcquired && trace.site(e.site).line == withLine);
        if (!begun)
            continue;
        if (e.kind == EventKind::LockAcquired) {
            QCOMPARE(holder, 0u);
            holder = e.actor;
            ++perOwner[e.actor];
            QCOMPARE(trace.site(e.site).line, withLine);
        } else if (e.kind == EventKind::LockReleased) {
            QCOMPARE(e.actor, holder);
            holder = 0;
        } else if (e.kind == EventKind::LockWait) {
            // A contended acquire waits with the GIL released: still the `with` line.
            QCOMPARE(trace.site(e.site).line, withLine);
        }
    }
    QCOMPARE(perOwner.size(), size_t(3));
    for (const auto &[owner, n] : perOwner) {
        QCOMPARE(n, 200);
        QVERIFY(trace.actor(owner).name.endsWith(QLatin1String("(worker)")));
    }
}

void TestPythonRecorder::gilIsHeldByOneThreadAndHandedOver()
{
    const Recording r = recordScript({script("gil_pair.py"), QStringLiteral("3000000")});
    QCOMPARE(r.exitStatus, 0);
    const Trace &trace = r.trace;
    const quint32 gil = gilOf(trace);
    QVERIFY2(gil != 0, "no GIL object");
    QCOMPARE(trace.object(gil).name, QStringLiteral("GIL"));
    // Held by at most one thread at any instant.
    quint32 holder = 0;
    std::map<quint32, int> takes;
    qint64 firstWorkerTake = 0, lastWorkerTake = 0;
    int workerHandovers = 0;
    quint32 lastWorker = 0;
    for (const Event &e : trace.events()) {
        if (e.object != gil)
            continue;
        if (e.kind == EventKind::LockAcquired) {
            QVERIFY2(holder == 0,
                     qPrintable(QStringLiteral("%1 took the GIL held by %2 at %3")
                                    .arg(e.actor)
                                    .arg(holder)
                                    .arg(e.timeNs)));
            holder = e.actor;
            ++takes[e.actor];
            if (trace.actor(e.actor).name.endsWith(QLatin1String("(countdown)"))) {
                if (firstWorkerTake == 0)
                    firstWorkerTake = e.timeNs;
                lastWorkerTake = e.timeNs;
                if (lastWorker != 0 && lastWorker != e.actor)
                    ++workerHandovers;
                lastWorker = e.actor;
            }
        } else if (e.kind == EventKind::LockReleased) {
            QCOMPARE(e.actor, holder);
            holder = 0;
        }
    }
    // Handed between the two CPU-bound threads: forced switching guarantees at
    // least one hand-over while both count (how many per switch interval depends
    // on the machine's load, so it is reported, not asserted).
    const double intervals = double(lastWorkerTake - firstWorkerTake) / 5e6;
    qInfo("GIL: %d hand-overs between the workers in %.1f switch intervals", workerHandovers,
          intervals);
    QVERIFY2(
        workerHandovers >= 1,
        qPrintable(
            QStringLiteral("%1 hand-overs in %2 intervals").arg(workerHandovers).arg(intervals)));
    QVERIFY(!trace.eventsOfKind(EventKind::Mark).empty());
}

void TestPythonRecorder::objectsHaveTheirPythonNames()
{
    const Recording r = recordScript({script("sync_names.py")});
    QCOMPARE(r.exitStatus, 0);
    const Trace &trace = r.trace;
    // Bound to a global, an attribute, a local; a Condition's own RLock by the
    // attribute that holds it; a queue's parts by theirs.
    const std::map<QString, ObjectKind> expected = {
        {QStringLiteral("counter_lock"), ObjectKind::Lock},
        {QStringLiteral("tree_lock"), ObjectKind::Lock},
        {QStringLiteral("cond"), ObjectKind::Condition},
        {QStringLiteral("cond._lock"), ObjectKind::Lock},
        {QStringLiteral("ready"), ObjectKind::Condition},
        {QStringLiteral("slots"), ObjectKind::Lock},
        {QStringLiteral("q"), ObjectKind::Queue},
        {QStringLiteral("q.mutex"), ObjectKind::Lock},
        {QStringLiteral("self.lock"), ObjectKind::Lock},
        {QStringLiteral("guard"), ObjectKind::Lock},
    };
    for (const auto &[name, kind] : expected) {
        const quint32 o = trace.findObject(name);
        QVERIFY2(o != 0, qPrintable(name));
        QCOMPARE(trace.object(o).kind, kind);
    }
    // Bound to nothing: its kind and address, as Python's repr says.
    static const QRegularExpression unnamed(QStringLiteral("^Lock@0x[0-9a-f]+$"));
    int unnamedLocks = 0;
    for (quint32 o = 1; o <= quint32(trace.objectCount()); ++o)
        unnamedLocks += unnamed.match(trace.object(o).name).hasMatch();
    QCOMPARE(unnamedLocks, 1);
    // A Lock is a lock: taken and let go by its owner; an RLock taken again by its
    // owner is not taken twice; the Event's set, the Semaphore's acquire and release,
    // the queue's put and get are theirs.
    const quint32 counterLock = trace.findObject(QStringLiteral("counter_lock"));
    QCOMPARE(countOf(trace, EventKind::LockAcquired, counterLock), 1);
    QCOMPARE(countOf(trace, EventKind::LockReleased, counterLock), 1);
    QCOMPARE(countOf(trace, EventKind::LockAcquired, trace.findObject(QStringLiteral("tree_lock"))),
             1);
    QCOMPARE(countOf(trace, EventKind::CondNotify, trace.findObject(QStringLiteral("cond"))), 1);
    QCOMPARE(countOf(trace, EventKind::CondNotify, trace.findObject(QStringLiteral("ready"))), 1);
    const quint32 slotsSemaphore = trace.findObject(QStringLiteral("slots"));
    QCOMPARE(countOf(trace, EventKind::LockAcquired, slotsSemaphore), 1);
    QCOMPARE(countOf(trace, EventKind::LockReleased, slotsSemaphore), 1);
    const quint32 q = trace.findObject(QStringLiteral("q"));
    QCOMPARE(countOf(trace, EventKind::MessageSend, q), 1);
    QCOMPARE(countOf(trace, EventKind::MessageRecv, q), 1);
    // An Event's and a Semaphore's inner lock and condition are not shown apart from them.
    QCOMPARE(trace.findObject(QStringLiteral("ready._cond")), 0u);
    int objectsNamedReady = 0;
    for (quint32 o = 1; o <= quint32(trace.objectCount()); ++o)
        objectsNamedReady += trace.object(o).name == QLatin1String("ready");
    QCOMPARE(objectsNamedReady, 1);
}

void TestPythonRecorder::aLocksOwnersComeInTheOrderTheScriptForces()
{
    const QString file = script("lock_turns.py");
    const Recording r = recordScript({file});
    QCOMPARE(r.exitStatus, 0);
    const Trace &trace = r.trace;
    const quint32 lock = trace.findObject(QStringLiteral("counter_lock"));
    QVERIFY(lock != 0);
    const int mainLine = lineOf(file, QStringLiteral("MAIN_LOCK"));
    const int workerLine = lineOf(file, QStringLiteral("WORKER_LOCK"));
    QStringList owners;
    quint32 holder = 0;
    for (const Event &e : trace.events()) {
        if (e.object != lock)
            continue;
        if (e.kind == EventKind::LockAcquired) {
            QCOMPARE(holder, 0u);
            holder = e.actor;
            owners.append(trace.actor(e.actor).name);
            QCOMPARE(trace.site(e.site).line,
                     e.actor == actorNamed(trace, QStringLiteral("MainThread")) ? mainLine
                                                                                : workerLine);
        } else if (e.kind == EventKind::LockReleased) {
            QCOMPARE(e.actor, holder);
            holder = 0;
        }
    }
    QCOMPARE(owners,
             (QStringList {QStringLiteral("MainThread"), QStringLiteral("w0"), QStringLiteral("w1"),
                           QStringLiteral("w2")}));
}

void TestPythonRecorder::conditionNotifyArrowsEndTheWaits()
{
    const QString file = script("cond_pingpong.py");
    const Recording r = recordScript({file});
    QCOMPARE(r.exitStatus, 0);
    const Trace &trace = r.trace;
    const quint32 cond = trace.findObject(QStringLiteral("cond"));
    QVERIFY(cond != 0);
    QCOMPARE(trace.object(cond).kind, ObjectKind::Condition);
    const quint32 consumer = actorNamed(trace, QStringLiteral("consumer"));
    const quint32 producer = actorNamed(trace, QStringLiteral("producer"));
    QVERIFY(consumer != 0 && producer != 0);
    const int notifyLine = lineOf(file, QStringLiteral("NOTIFY_LINE"));
    const int waitLine = lineOf(file, QStringLiteral("WAIT_LINE"));
    QCOMPARE(countOf(trace, EventKind::CondNotify, cond, producer), 3);
    QCOMPARE(countOf(trace, EventKind::CondNotify, cond), 3);
    QCOMPARE(countOf(trace, EventKind::CondWait, cond, consumer), 3);
    QCOMPARE(countOf(trace, EventKind::CondWake, cond, consumer), 3);
    for (const Event &e : trace.events()) {
        if (e.object != cond)
            continue;
        if (e.kind == EventKind::CondNotify) {
            QCOMPARE(trace.site(e.site).line, notifyLine);
            QCOMPARE(e.value, 1); // one waiter let go
        } else if (e.kind == EventKind::CondWait) {
            QCOMPARE(trace.site(e.site).line, waitLine);
        }
    }
    // Each wake is the end of an arrow from the producer's notify.
    const auto &events = trace.events();
    int arrows = 0;
    for (const TraceArrows::Arrow &a : notifyArrowsOn(trace, cond)) {
        ++arrows;
        QCOMPARE(events[a.from].actor, producer);
        QCOMPARE(events[a.to].actor, consumer);
        QCOMPARE(events[a.to].kind, EventKind::CondWake);
        QVERIFY(events[a.from].timeNs <= events[a.to].timeNs);
    }
    QCOMPARE(arrows, 3);
}

void TestPythonRecorder::eventSetEndsTheWait()
{
    const QString file = script("event_queue.py");
    const Recording r = recordScript({file});
    QCOMPARE(r.exitStatus, 0);
    const Trace &trace = r.trace;
    const quint32 ready = trace.findObject(QStringLiteral("ready"));
    QVERIFY(ready != 0);
    const quint32 waiter = actorNamed(trace, QStringLiteral("waiter"));
    const quint32 main = actorNamed(trace, QStringLiteral("MainThread"));
    QCOMPARE(countOf(trace, EventKind::CondWait, ready, waiter), 1);
    QCOMPARE(countOf(trace, EventKind::CondWake, ready, waiter), 1);
    QCOMPARE(countOf(trace, EventKind::CondNotify, ready, main), 1);
    const auto &events = trace.events();
    int arrows = 0;
    for (const TraceArrows::Arrow &a : notifyArrowsOn(trace, ready)) {
        ++arrows;
        QCOMPARE(events[a.from].actor, main);
        QCOMPARE(trace.site(events[a.from].site).line, lineOf(file, QStringLiteral("EVENT_SET")));
        QCOMPARE(events[a.to].actor, waiter);
        QCOMPARE(trace.site(events[a.to].site).line, lineOf(file, QStringLiteral("EVENT_WAIT")));
    }
    QCOMPARE(arrows, 1);
}

void TestPythonRecorder::queueDeliversEachItemOnce()
{
    const QString file = script("event_queue.py");
    const Recording r = recordScript({file});
    QCOMPARE(r.exitStatus, 0);
    const Trace &trace = r.trace;
    const quint32 q = trace.findObject(QStringLiteral("q"));
    QVERIFY(q != 0);
    QCOMPARE(trace.object(q).kind, ObjectKind::Queue);
    const quint32 producer = actorNamed(trace, QStringLiteral("producer"));
    const quint32 consumer = actorNamed(trace, QStringLiteral("consumer"));
    QCOMPARE(countOf(trace, EventKind::MessageSend, q, producer), 10);
    QCOMPARE(countOf(trace, EventKind::MessageRecv, q, consumer), 10);
    const auto &events = trace.events();
    std::map<QString, int> sent, received;
    for (const TraceArrows::Arrow &a : TraceArrows::messageArrows(trace)) {
        const Event &put = events[a.from];
        const Event &get = events[a.to];
        if (put.object != q)
            continue;
        QCOMPARE(put.kind, EventKind::MessageSend);
        QCOMPARE(get.kind, EventKind::MessageRecv);
        QCOMPARE(trace.text(put.text), trace.text(get.text));
        QVERIFY(put.timeNs <= get.timeNs);
        QCOMPARE(trace.site(put.site).line, lineOf(file, QStringLiteral("PUT_LINE")));
        QCOMPARE(trace.site(get.site).line, lineOf(file, QStringLiteral("GET_LINE")));
        ++sent[trace.text(put.text)];
        ++received[trace.text(get.text)];
    }
    QCOMPARE(sent.size(), size_t(10));
    for (int i = 0; i < 10; ++i) {
        const QString item = QStringLiteral("'item-%1'").arg(i);
        QCOMPARE(sent[item], 1);
        QCOMPARE(received[item], 1);
    }
    // The bounded queue made the producer wait for room: on its not_full condition.
    QVERIFY(countOf(trace, EventKind::CondWait, trace.findObject(QStringLiteral("q.not_full")),
                    producer)
            > 0);
}

void TestPythonRecorder::processMessagesCrossProcesses_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("fork") << QStringLiteral("fork");
    QTest::newRow("spawn") << QStringLiteral("spawn");
}

void TestPythonRecorder::processMessagesCrossProcesses()
{
    QFETCH(QString, method);
    const QString file = script("process_messages.py");
    const Recording r = recordScript({file, method});
    QCOMPARE(r.exitStatus, 0);
    const Trace &trace = r.trace;
    const quint32 q = trace.findObject(QStringLiteral("q"));
    QVERIFY(q != 0);
    QCOMPARE(trace.object(q).kind, ObjectKind::Queue);
    const quint32 toChild = trace.findObject(QStringLiteral("parent_conn \u2192 child_conn"));
    const quint32 toParent = trace.findObject(QStringLiteral("child_conn \u2192 parent_conn"));
    QVERIFY(toChild != 0);
    QVERIFY(toParent != 0);
    QCOMPARE(trace.object(toChild).kind, ObjectKind::Channel);

    // Every message is an arrow from the process that put or sent it to the
    // one that got it, with the same item on both ends, from the script's lines.
    struct Expected
    {
        quint32 channel;
        const char *from;
        const char *to;
        int count;
        const char *last; // the last item's preview
    };
    const Expected expected[] = {{q, "PUT_LINE", "GET_LINE", 5, "'item-4'"},
                                 {toChild, "SEND_LINE", "ECHO_LINE", 3, "b'msg 2'"},
                                 {toParent, "ECHO_LINE", "RECV_LINE", 3, "b'echo msg 2'"}};
    const auto &events = trace.events();
    const std::vector<TraceArrows::Arrow> arrows = TraceArrows::messageArrows(trace);
    for (const Expected &channel : expected) {
        QCOMPARE(countOf(trace, EventKind::MessageSend, channel.channel), channel.count);
        QCOMPARE(countOf(trace, EventKind::MessageRecv, channel.channel), channel.count);
        std::set<QString> items;
        for (const TraceArrows::Arrow &a : arrows) {
            const Event &sent = events[a.from];
            const Event &got = events[a.to];
            if (sent.object != channel.channel)
                continue;
            QCOMPARE(trace.text(sent.text), trace.text(got.text));
            QVERIFY(sent.timeNs <= got.timeNs);
            QVERIFY(trace.actor(sent.actor).process != trace.actor(got.actor).process);
            QCOMPARE(trace.site(sent.site).line, lineOf(file, QLatin1String(channel.from)));
            QCOMPARE(trace.site(got.site).line, lineOf(file, QLatin1String(channel.to)));
            items.insert(trace.text(sent.text));
        }
        QCOMPARE(int(items.size()), channel.count);
        QVERIFY(items.count(QLatin1String(channel.last)));
    }
    // The script makes no socket of its own (Pipe() is a socketpair): the
    // probe's questions about a Pipe end's other end are not recorded as one.
    for (const Event &e : trace.eventsOfKind(EventKind::SocketOp))
        QVERIFY2(!trace.text(e.text).startsWith(QLatin1String("socket")),
                 qPrintable(trace.text(e.text)));
}

void TestPythonRecorder::printsAndSleepsAreOnTheirThreadsLanes()
{
    const QString file = script("print_sleep.py");
    const Recording r = recordScript({file});
    QCOMPARE(r.exitStatus, 0);
    const Trace &trace = r.trace;
    const quint32 printer = actorNamed(trace, QStringLiteral("printer"));
    const quint32 main = actorNamed(trace, QStringLiteral("MainThread"));
    QVERIFY(printer != 0 && main != 0);
    // The worker's text stays in sys.stdout's buffer until the main thread's line
    // ends it: it is written by the main thread, but shown where it was printed, once.
    int workerTexts = 0, mainTexts = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::Print)) {
        const QString text = trace.text(e.text);
        if (text.contains(QLatin1String("from the worker"))) {
            ++workerTexts;
            QCOMPARE(e.actor, printer);
            QCOMPARE(text, QStringLiteral("from the worker"));
            QCOMPARE(trace.site(e.site).line, lineOf(file, QStringLiteral("WORKER_PRINT")));
        }
        if (text.contains(QLatin1String("from main"))) {
            ++mainTexts;
            QCOMPARE(e.actor, main);
            QCOMPARE(text, QStringLiteral(" and from main"));
            QCOMPARE(trace.site(e.site).line, lineOf(file, QStringLiteral("MAIN_PRINT")));
        }
    }
    QCOMPARE(workerTexts, 1);
    QCOMPARE(mainTexts, 1);
    // time.sleep(0.02): a sleep span on the worker's lane, on the sleep's line.
    int sleeps = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::SleepBegin)) {
        if (e.actor != printer)
            continue;
        ++sleeps;
        QCOMPARE(trace.site(e.site).line, lineOf(file, QStringLiteral("SLEEP_LINE")));
        QVERIFY2(e.value > 0 && e.value <= 20'000'000, qPrintable(QString::number(e.value)));
    }
    QCOMPARE(sleeps, 1);
    QCOMPARE(int(std::count_if(trace.events().begin(), trace.events().end(),
                               [&](const Event &e) {
                                   return e.kind == EventKind::SleepEnd && e.actor == printer;
                               })),
             1);
}

void TestPythonRecorder::socketCallsAreOnTheirLines()
{
    // CPython makes each socket call with the GIL let go: the probe names the
    // line first, or the call would show on the thread's previous line.
    const QString file = script("socket_lines.py");
    const Recording r = recordScript({file});
    QCOMPARE(r.exitStatus, 0);
    const Trace &trace = r.trace;
    const quint32 client = actorNamed(trace, QStringLiteral("client"));
    const quint32 main = actorNamed(trace, QStringLiteral("MainThread"));
    QVERIFY(client != 0 && main != 0);
    const auto linesOf = [&](EventKind kind, quint32 actor) {
        QList<int> lines;
        for (const Event &e : trace.eventsOfKind(kind)) {
            if (e.actor == actor)
                lines << trace.site(e.site).line;
        }
        return lines;
    };
    const auto line = [&](const char *marker) {
        return lineOf(file, QLatin1String(marker));
    };
    // socket(), bind(), listen(), accept(), close() of the connection and of the server.
    QCOMPARE(linesOf(EventKind::SocketOp, main),
             (QList<int> {line("SERVER_SOCKET"), line("BIND_LINE"), line("LISTEN_LINE"),
                          line("ACCEPT_LINE"), line("CONN_CLOSE"), line("SERVER_CLOSE")}));
    QCOMPARE(linesOf(EventKind::PacketRecv, main), QList<int> {line("RECV_LINE")});
    // socket(), connected, close() on the client; its send and its connect's wait.
    QCOMPARE(linesOf(EventKind::SocketOp, client),
             (QList<int> {line("CLIENT_SOCKET"), line("CONNECT_LINE"), line("CLIENT_CLOSE")}));
    QCOMPARE(linesOf(EventKind::PacketSend, client), QList<int> {line("SEND_LINE")});
    QVERIFY(linesOf(EventKind::IoWaitBegin, client).contains(line("CONNECT_LINE")));
}

QTEST_GUILESS_MAIN(TestPythonRecorder)
#include "tst_pythonrecorder.moc"
