// SPDX-License-Identifier: MIT
#include "core/derived/tracearrows.h"
#include "core/runner.h"
#include "core/scenarios/catalogue.h"
#include "core/scenarios/python/pythonlesson.h"
#include "tests/common/processresources.h"
#include "tests/common/scenariorun.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::testsupport;

namespace {

std::vector<const Scenario *> pythonLessons()
{
    std::vector<const Scenario *> lessons;
    for (const Scenario *scenario : catalogue().all())
        if (scenario->language() == SourceLanguage::Python)
            lessons.push_back(scenario);
    return lessons;
}

QStringList scriptLines(const Scenario &lesson)
{
    QFile file(lesson.sourceResource());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n');
}

Outcome noCheck(const Trace &, const ParameterValues &)
{
    return {};
}

} // namespace

class TestPythonLessons : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyLessonTwinsACppLesson();
    void everyLessonCompletesWithItsEventsOnItsOwnLines_data();
    void everyLessonCompletesWithItsEventsOnItsOwnLines();
    void theParametersReachTheScript();
    void subclassWorkersPrintOnTheirOwnLanes();
    void everyThreadSaysTheNameAndIdOfItsLane();
    void joinWaitsForTheWorkersThreadStateLock();
    void aDaemonThreadDiesWithTheInterpreter();
    void theCounterIsExactUnderTheLock_data();
    void theCounterIsExactUnderTheLock();
    void withoutTheLockUpdatesMayBeLost();
    void theCountdownIsTimedInThreadsAndProcesses();
    void theClientsBytesReachTheServerAndBack_data();
    void theClientsBytesReachTheServerAndBack();
    void theServerAnswersEveryClientThread();
    void theQueueCarriesEachMessageOnceBetweenProcesses();
    void thePipeEchoesEveryMessage();
    void theManagerAppliesEveryUpdate();
    void explanationsSayWhatCPythonDraws();
    void aFailingScriptQuotesItsError();
    void cancelStopsTheInterpreter();
    void theTimeoutStopsTheInterpreter();
    void anUnsupportedPythonSaysWhichVersionsWork();
};

void TestPythonLessons::initTestCase()
{
    if (PythonLesson::pythonInterpreter().isEmpty())
        QSKIP("no python3 on this machine (Debian: apt-get install python3)");
    QVERIFY(!pythonLessons().empty());
}

void TestPythonLessons::everyLessonTwinsACppLesson()
{
    for (const Scenario *lesson : pythonLessons()) {
        const Scenario *twin = catalogue().twinOf(*lesson);
        QVERIFY2(twin, qPrintable(lesson->id()));
        QCOMPARE(twin->language(), SourceLanguage::Cpp);
        QCOMPARE(catalogue().twinOf(*twin), lesson);
        QCOMPARE(lesson->id(), PythonLesson::idFor(twin->id()));
        QCOMPARE(lesson->topic(), twin->topic());
        QVERIFY2(!scriptLines(*lesson).isEmpty(), qPrintable(lesson->sourceResource()));
        for (const ParameterSpec &spec : lesson->parameters()) {
            const auto &twinSpecs = twin->parameters();
            QVERIFY2(std::any_of(twinSpecs.begin(), twinSpecs.end(),
                                 [&](const ParameterSpec &s) { return s.key == spec.key; }),
                     qPrintable(lesson->id() + u' ' + spec.key));
        }
    }
}

void TestPythonLessons::everyLessonCompletesWithItsEventsOnItsOwnLines_data()
{
    QTest::addColumn<QString>("id");
    for (const Scenario *lesson : pythonLessons())
        QTest::newRow(qPrintable(lesson->id())) << lesson->id();
}

void TestPythonLessons::everyLessonCompletesWithItsEventsOnItsOwnLines()
{
    QFETCH(QString, id);
    const Scenario *lesson = catalogue().find(id);
    QVERIFY(lesson);
    const Trace trace = runWith(*lesson, {});
    QVERIFY2(trace.outcome().status == Outcome::Status::Completed,
             qPrintable(trace.outcome().summary));
    QCOMPARE(trace.metadata().scenarioId, id);

    // Every event with a line points into the script as the code panel finds
    // it (":/scenarios/" + the site's file), never at the interpreter's own code.
    const QStringList lines = scriptLines(*lesson);
    const QString shownFile = lesson->sourceResource().mid(QStringLiteral(":/scenarios/").size());
    int sited = 0;
    QStringList problems;
    for (const Event &event : trace.events()) {
        if (event.site == 0)
            continue;
        ++sited;
        const SourceSite site = trace.site(event.site);
        if (site.file != shownFile || site.line < 1 || site.line > lines.size())
            problems << QStringLiteral("%1 at %2:%3")
                            .arg(QLatin1String(eventKindName(event.kind)), site.file)
                            .arg(site.line);
    }
    problems.removeDuplicates();
    QVERIFY2(sited > 0, "no event carries a line of the script");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 12).join(u'\n')));
    QVERIFY(ProcessResources::ofThisProcess().children == 0);
}

void TestPythonLessons::theParametersReachTheScript()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("threads.create.py"));
    QVERIFY(lesson);
    const Trace trace
        = runWith(*lesson, {QStringLiteral("threads=5"), QStringLiteral("delay_ms=0")});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(trace.outcome().value(QStringLiteral("threads")), 5);
    QCOMPARE(trace.outcome().value(QStringLiteral("prints")), 5);
}

void TestPythonLessons::subclassWorkersPrintOnTheirOwnLanes()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("threads.subclass.py"));
    QVERIFY(lesson);
    const Trace trace = runWith(*lesson, {QStringLiteral("steps=4"), QStringLiteral("delay_ms=0")});
    QVERIFY2(trace.outcome().status == Outcome::Status::Completed,
             qPrintable(trace.outcome().summary));
    QCOMPARE(trace.outcome().value(QStringLiteral("alpha_steps")), 4);
    QCOMPARE(trace.outcome().value(QStringLiteral("beta_steps")), 4);
}

void TestPythonLessons::everyThreadSaysTheNameAndIdOfItsLane()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("threads.identity.py"));
    QVERIFY(lesson);
    const Trace trace = runWith(*lesson, {QStringLiteral("threads=4")});
    QVERIFY2(trace.outcome().status == Outcome::Status::Completed,
             qPrintable(trace.outcome().summary));
    // The main thread and Thread-1 ... Thread-4, named by CPython after their target.
    QStringList names {QStringLiteral("MainThread")};
    for (int i = 1; i <= 4; ++i)
        names << QStringLiteral("Thread-%1 (show)").arg(i);
    QCOMPARE(trace.outcome().values.size(), names.size());
    QSet<qint64> ids;
    for (const QString &name : names) {
        QVERIFY2(trace.outcome().hasValue(name), qPrintable(name));
        ids.insert(trace.outcome().value(name));
    }
    QCOMPARE(ids.size(), names.size());
    QVERIFY(!ids.contains(0));
    // The main thread's native id is the process id.
    QCOMPARE(trace.outcome().value(QStringLiteral("MainThread")), trace.process(1).pid);
}

void TestPythonLessons::joinWaitsForTheWorkersThreadStateLock()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("threads.join.py"));
    QVERIFY(lesson);
    // The worker ticks twice, main once, 200 ms apart.
    const QStringList times {QStringLiteral("worker_ms=400"), QStringLiteral("main_ms=200"),
                             QStringLiteral("tick_ms=200")};
    const Trace joined = runWith(*lesson, times + QStringList {QStringLiteral("join=true")});
    QVERIFY2(joined.outcome().status == Outcome::Status::Completed,
             qPrintable(joined.outcome().summary));
    QCOMPARE(joined.outcome().value(QStringLiteral("joined")), 1);
    QCOMPARE(joined.outcome().value(QStringLiteral("worker_prints")), 2);
    QCOMPARE(joined.outcome().value(QStringLiteral("main_prints")), 1);
    QCOMPARE(joined.outcome().value(QStringLiteral("interleaved")), 0);
    // main is at its join() within moments of start(), the worker's run takes 400 ms.
    QVERIFY(joined.outcome().value(QStringLiteral("join_wait_ms")) > 0);
    QCOMPARE(joined.outcome().value(QStringLiteral("exit_wait_ms")), 0);

    const Trace free = runWith(*lesson, times + QStringList {QStringLiteral("join=false")});
    QVERIFY2(free.outcome().status == Outcome::Status::Completed,
             qPrintable(free.outcome().summary));
    QCOMPARE(free.outcome().value(QStringLiteral("joined")), 0);
    QCOMPARE(free.outcome().value(QStringLiteral("join_wait_ms")), 0);
    QCOMPARE(free.outcome().value(QStringLiteral("worker_prints")), 2);
    QCOMPARE(free.outcome().value(QStringLiteral("main_prints")), 1);
    // How many of main's prints overlap the worker ("interleaved"), and how long the
    // interpreter waits for the worker as it exits, is up to the scheduler.
}

void TestPythonLessons::aDaemonThreadDiesWithTheInterpreter()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("threads.daemon.py"));
    QVERIFY(lesson);
    // main returns at once; the daemon would wake a minute later.
    const Trace daemon = runWith(*lesson,
                                 {QStringLiteral("daemon=true"), QStringLiteral("daemon_ms=60000"),
                                  QStringLiteral("main_ms=0")});
    QVERIFY2(daemon.outcome().status == Outcome::Status::Completed,
             qPrintable(daemon.outcome().summary));
    QCOMPARE(daemon.outcome().value(QStringLiteral("marked_daemon")), 1);
    QCOMPARE(daemon.outcome().value(QStringLiteral("background_printed")), 0);
    QCOMPARE(daemon.outcome().value(QStringLiteral("background_ended")), 0);
    QCOMPARE(daemon.outcome().value(QStringLiteral("exit_before_wakeup")), 1);
    QCOMPARE(daemon.outcome().value(QStringLiteral("exit_code")), 0);

    // Not a daemon: the interpreter waits for it to print before it exits.
    const Trace waited = runWith(*lesson,
                                 {QStringLiteral("daemon=false"), QStringLiteral("daemon_ms=200"),
                                  QStringLiteral("main_ms=0")});
    QVERIFY2(waited.outcome().status == Outcome::Status::Completed,
             qPrintable(waited.outcome().summary));
    QCOMPARE(waited.outcome().value(QStringLiteral("marked_daemon")), 0);
    QCOMPARE(waited.outcome().value(QStringLiteral("background_printed")), 1);
    QCOMPARE(waited.outcome().value(QStringLiteral("background_ended")), 1);
    QCOMPARE(waited.outcome().value(QStringLiteral("exit_before_wakeup")), 0);
}

void TestPythonLessons::theCounterIsExactUnderTheLock_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("lock") << QStringLiteral("lock");
    QTest::newRow("serial") << QStringLiteral("serial");
}

void TestPythonLessons::theCounterIsExactUnderTheLock()
{
    QFETCH(QString, mode);
    const Scenario *lesson = catalogue().find(QStringLiteral("locks.counter.py"));
    QVERIFY(lesson);
    // 20 threads, each adding ten times.
    const Trace trace = runWith(*lesson,
                                {QStringLiteral("threads=20"), QStringLiteral("mode=") + mode,
                                 QStringLiteral("yield=true")});
    const Outcome &outcome = trace.outcome();
    QVERIFY2(outcome.status == Outcome::Status::Completed, qPrintable(outcome.summary));
    QCOMPARE(outcome.value(QStringLiteral("expected")), 200);
    QCOMPARE(outcome.value(QStringLiteral("final")), 200);
    QCOMPARE(outcome.value(QStringLiteral("lost")), 0);
    // Every increment took the lock once and yielded once inside it.
    QCOMPARE(outcome.value(QStringLiteral("lock_acquisitions")), 200);
    QCOMPARE(outcome.value(QStringLiteral("yields")), 200);
    if (mode == QLatin1String("serial"))
        QCOMPARE(outcome.value(QStringLiteral("max_overlap")), 1);
    else
        QVERIFY(outcome.value(QStringLiteral("max_overlap")) >= 1);
}

void TestPythonLessons::withoutTheLockUpdatesMayBeLost()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("locks.counter.py"));
    QVERIFY(lesson);
    const Trace trace = runWith(*lesson,
                                {QStringLiteral("threads=20"), QStringLiteral("mode=nolock"),
                                 QStringLiteral("yield=true")});
    const Outcome &outcome = trace.outcome();
    // Lost updates are likely, not certain: a run without any is still a completed lesson.
    QVERIFY2(outcome.status == Outcome::Status::Completed, qPrintable(outcome.summary));
    QCOMPARE(outcome.value(QStringLiteral("expected")), 200);
    const qint64 final = outcome.value(QStringLiteral("final"));
    QVERIFY2(final > 0 && final <= 200, qPrintable(outcome.summary));
    QCOMPARE(outcome.value(QStringLiteral("lost")), 200 - final);
    QCOMPARE(outcome.value(QStringLiteral("lock_acquisitions")), 0);
    QCOMPARE(outcome.value(QStringLiteral("yields")), 200);
}

void TestPythonLessons::theCountdownIsTimedInThreadsAndProcesses()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("gil.cpu.py"));
    QVERIFY(lesson);
    const Trace trace = runWith(*lesson, {QStringLiteral("threads=3"), QStringLiteral("work=300")});
    const Outcome &outcome = trace.outcome();
    QVERIFY2(outcome.status == Outcome::Status::Completed, qPrintable(outcome.summary));
    QCOMPARE(outcome.value(QStringLiteral("threads")), 3);
    // multiprocessing's children are processes of their own in the trace.
    QCOMPARE(outcome.value(QStringLiteral("processes")), 3);
    QVERIFY(trace.processCount() >= 4);
    for (const char *phase : {"sequential_us", "gil_us", "processes_us"})
        QVERIFY2(outcome.value(QLatin1String(phase)) > 0, phase);
    // How the times compare, and how often the GIL changed hands, depends on the
    // machine and its load: the lesson states them, the test does not.
    QVERIFY(outcome.hasValue(QStringLiteral("gil_switches")));
    QVERIFY(outcome.hasValue(QStringLiteral("drop_requests")));
    QCOMPARE(ProcessResources::ofThisProcess().children, 0);
}

void TestPythonLessons::theClientsBytesReachTheServerAndBack_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("requestBytes");
    // The requests the script sends: a GET, a line that is no request, a 16 KiB head.
    QTest::newRow("get") << QStringLiteral("get") << 200 << 35;
    QTest::newRow("garbage") << QStringLiteral("garbage") << 400 << 28;
    QTest::newRow("oversized") << QStringLiteral("oversized") << 413 << 16 + 11 + 16384 + 4;
}

void TestPythonLessons::theClientsBytesReachTheServerAndBack()
{
    QFETCH(QString, request);
    QFETCH(int, status);
    QFETCH(int, requestBytes);
    const Scenario *lesson = catalogue().find(QStringLiteral("socket.client.py"));
    QVERIFY(lesson);
    const Trace trace = runWith(*lesson, {QStringLiteral("request=") + request});
    const Outcome &outcome = trace.outcome();
    QVERIFY2(outcome.status == Outcome::Status::Completed, qPrintable(outcome.summary));
    QCOMPARE(outcome.value(QStringLiteral("http_status")), status);
    QCOMPARE(outcome.value(QStringLiteral("bytes_sent")), requestBytes);
    QCOMPARE(outcome.value(QStringLiteral("server_bytes_received")), requestBytes);
    QVERIFY(outcome.value(QStringLiteral("bytes_received")) > 0);
    QCOMPARE(outcome.value(QStringLiteral("bytes_received")),
             outcome.value(QStringLiteral("server_bytes_sent")));
    QVERIFY(outcome.value(QStringLiteral("port")) > 0);
    QCOMPARE(ProcessResources::ofThisProcess().children, 0);

    // Reading at most 20 bytes: the rest of the reply stays unread.
    const Trace cut
        = runWith(*lesson, {QStringLiteral("request=get"), QStringLiteral("max_bytes=20")});
    QVERIFY2(cut.outcome().status == Outcome::Status::Completed, qPrintable(cut.outcome().summary));
    QCOMPARE(cut.outcome().value(QStringLiteral("bytes_received")), 20);
    QVERIFY(cut.outcome().value(QStringLiteral("server_bytes_sent")) > 20);
    QCOMPARE(cut.outcome().value(QStringLiteral("truncated")), 1);
    QVERIFY2(cut.outcome().summary.contains(QLatin1String("stopped reading at max_bytes")),
             qPrintable(cut.outcome().summary));
}

void TestPythonLessons::theServerAnswersEveryClientThread()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("socket.server.py"));
    QVERIFY(lesson);
    const Trace trace = runWith(*lesson, {QStringLiteral("clients=3")});
    const Outcome &outcome = trace.outcome();
    QVERIFY2(outcome.status == Outcome::Status::Completed, qPrintable(outcome.summary));
    QCOMPARE(outcome.value(QStringLiteral("served")), 3);
    QCOMPARE(outcome.value(QStringLiteral("connections")), 3);
    QCOMPARE(outcome.value(QStringLiteral("replies_read")), 3);
    QVERIFY(outcome.value(QStringLiteral("port")) > 0);
    // "Hi, I am Thread-N (client)" is 26 bytes; the greeting adds
    // "Hello 127.0.0.1, you said: " and a newline.
    QCOMPARE(outcome.value(QStringLiteral("client_bytes_sent")), 3 * 26);
    QCOMPARE(outcome.value(QStringLiteral("bytes_received")), 3 * 26);
    QCOMPARE(outcome.value(QStringLiteral("bytes_sent")), 3 * (27 + 26 + 1));
    QCOMPARE(outcome.value(QStringLiteral("client_bytes_received")), 3 * (27 + 26 + 1));
}

void TestPythonLessons::theQueueCarriesEachMessageOnceBetweenProcesses()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("process.queue.py"));
    QVERIFY(lesson);
    const Trace trace = runWith(*lesson,
                                {QStringLiteral("producers=3"), QStringLiteral("consumers=2"),
                                 QStringLiteral("messages=4"), QStringLiteral("maxsize=2"),
                                 QStringLiteral("consume_ms=5")});
    const Outcome &outcome = trace.outcome();
    QVERIFY2(outcome.status == Outcome::Status::Completed, qPrintable(outcome.summary));
    QCOMPARE(outcome.value(QStringLiteral("expected")), 12);
    QCOMPARE(outcome.value(QStringLiteral("sent")), 12);
    QCOMPARE(outcome.value(QStringLiteral("received")), 12);
    QCOMPARE(outcome.value(QStringLiteral("producing_processes")), 3);
    // Each child's lane has its Process's name; every put is an arrow to the
    // get of the same item in another process (the STOPs go from main).
    QStringList lanes;
    for (quint32 a = 1; a <= quint32(trace.actorCount()); ++a)
        lanes << trace.actor(a).name;
    for (const char *name : {"producer 1", "producer 3", "consumer 2"})
        QVERIFY2(lanes.contains(QLatin1String(name)), qPrintable(lanes.join(u',')));
    int arrows = 0;
    for (const TraceArrows::Arrow &a : TraceArrows::messageArrows(trace)) {
        const Event &put = trace.events()[a.from];
        const Event &got = trace.events()[a.to];
        QCOMPARE(trace.object(put.object).name, QStringLiteral("q"));
        QCOMPARE(trace.text(put.text), trace.text(got.text));
        QVERIFY(trace.actor(put.actor).process != trace.actor(got.actor).process);
        QVERIFY(put.timeNs <= got.timeNs);
        ++arrows;
    }
    QCOMPARE(arrows, 12 + 2);
    QCOMPARE(ProcessResources::ofThisProcess().children, 0);
}

void TestPythonLessons::thePipeEchoesEveryMessage()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("process.pipe.py"));
    QVERIFY(lesson);
    const Trace trace = runWith(*lesson, {QStringLiteral("messages=7"), QStringLiteral("size=10")});
    const Outcome &outcome = trace.outcome();
    QVERIFY2(outcome.status == Outcome::Status::Completed, qPrintable(outcome.summary));
    QCOMPARE(outcome.value(QStringLiteral("sent")), 7);
    QCOMPARE(outcome.value(QStringLiteral("replies")), 7);
    QCOMPARE(outcome.value(QStringLiteral("bytes_sent")), 7 * 10);
    QCOMPARE(outcome.value(QStringLiteral("bytes_received")), 7 * (10 + 5)); // b"echo " + it
    QCOMPARE(ProcessResources::ofThisProcess().children, 0);
}

void TestPythonLessons::theManagerAppliesEveryUpdate()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("process.manager.py"));
    QVERIFY(lesson);
    const Trace trace
        = runWith(*lesson, {QStringLiteral("workers=2"), QStringLiteral("updates=5")});
    const Outcome &outcome = trace.outcome();
    QVERIFY2(outcome.status == Outcome::Status::Completed, qPrintable(outcome.summary));
    QCOMPARE(outcome.value(QStringLiteral("final")), 10);
    QVERIFY(outcome.value(QStringLiteral("requests")) >= 4 * 10);
    QCOMPARE(outcome.value(QStringLiteral("requests")), outcome.value(QStringLiteral("replies")));
    QCOMPARE(ProcessResources::ofThisProcess().children, 0);
    for (quint32 o = 1; o <= quint32(trace.objectCount()); ++o)
        if (trace.object(o).name.endsWith(QLatin1String("an unknown end")))
            QSKIP("This kernel does not tell the other end of a Unix socket (sock_diag): the "
                  "manager's messages show without arrows.");
    // A request is an arrow from a worker to a thread of the manager's process
    // (a thread per connection), its reply an arrow back.
    quint32 managerProcess = 0;
    for (quint32 a = 1; a <= quint32(trace.actorCount()); ++a)
        if (trace.actor(a).name.startsWith(QLatin1String("SyncManager")))
            managerProcess = trace.actor(a).process;
    QVERIFY(managerProcess != 0);
    int toManager = 0, fromManager = 0;
    for (const TraceArrows::Arrow &a : TraceArrows::messageArrows(trace)) {
        const ActorInfo from = trace.actor(trace.events()[a.from].actor);
        const ActorInfo to = trace.actor(trace.events()[a.to].actor);
        QVERIFY(from.process != to.process);
        toManager += from.name.startsWith(QLatin1String("worker")) && to.process == managerProcess;
        fromManager
            += to.name.startsWith(QLatin1String("worker")) && from.process == managerProcess;
    }
    QCOMPARE(toManager, int(outcome.value(QStringLiteral("requests"))));
    QCOMPARE(fromManager, int(outcome.value(QStringLiteral("replies"))));
    QCOMPARE(ProcessResources::ofThisProcess().children, 0);
}

void TestPythonLessons::explanationsSayWhatCPythonDraws()
{
    // The C++ queue draws its depth as a counter and its manager answers one
    // increment per round trip; CPython's do neither, and their texts say so.
    const Scenario *queue = catalogue().find(QStringLiteral("process.queue.py"));
    const Scenario *manager = catalogue().find(QStringLiteral("process.manager.py"));
    QVERIFY(queue && manager);
    QVERIFY(queue->explanation().contains(QLatin1String("multiprocessing.Queue")));
    QVERIFY(!queue->explanation().contains(QLatin1String("counter")));
    QVERIFY(manager->explanation().contains(QLatin1String("four round trips")));
    // Where nothing differs, the twin's own text.
    const Scenario *pipe = catalogue().find(QStringLiteral("process.pipe.py"));
    QVERIFY(pipe);
    QVERIFY(pipe->explanation().startsWith(
        catalogue().find(QStringLiteral("process.pipe"))->explanation()));
}

void TestPythonLessons::aFailingScriptQuotesItsError()
{
    const Scenario *twin = catalogue().find(QStringLiteral("threads.create"));
    QVERIFY(twin);
    const PythonLesson failing(*twin, QStringLiteral("raises.py"), noCheck);
    const Trace trace = runWith(failing, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Failed);
    QVERIFY2(trace.outcome().summary.contains(
                 QLatin1String("ValueError: the lesson's script failed on purpose")),
             qPrintable(trace.outcome().summary));
    QVERIFY2(trace.outcome().summary.contains(QLatin1String("status 1")),
             qPrintable(trace.outcome().summary));

    const PythonLesson missing(*twin, QStringLiteral("no_such_lesson.py"), noCheck);
    const Trace none = runWith(missing, {});
    QCOMPARE(none.outcome().status, Outcome::Status::Failed);
    QVERIFY2(none.outcome().summary.contains(QLatin1String("no_such_lesson.py")),
             qPrintable(none.outcome().summary));
}

void TestPythonLessons::cancelStopsTheInterpreter()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("threads.create.py"));
    QVERIFY(lesson);
    Runner runner;
    QSignalSpy finished(&runner, &Runner::finished);
    QVERIFY(runner.start(*lesson, parametersFrom(*lesson, {QStringLiteral("delay_ms=10000")})));
    // Cancelled once the workers sleep: the timeline already shows them.
    QTRY_VERIFY_WITH_TIMEOUT(!runner.liveSnapshot().eventsOfKind(EventKind::SleepBegin).empty(),
                             20000);
    runner.cancel();
    QVERIFY(finished.wait(20000) || finished.count() == 1);
    runner.waitForFinished();
    const Trace trace = runner.result();
    QCOMPARE(trace.outcome().status, Outcome::Status::Cancelled);
    QVERIFY(!trace.eventsOfKind(EventKind::SleepBegin).empty()); // what was recorded is kept
    QCOMPARE(ProcessResources::ofThisProcess().children, 0);
}

void TestPythonLessons::theTimeoutStopsTheInterpreter()
{
    const Scenario *lesson = catalogue().find(QStringLiteral("threads.create.py"));
    QVERIFY(lesson);
    RunOptions options;
    options.timeout = std::chrono::milliseconds(1500);
    const Trace trace = runWith(*lesson, {QStringLiteral("delay_ms=10000")}, options);
    QCOMPARE(trace.outcome().status, Outcome::Status::TimedOut);
    QCOMPARE(ProcessResources::ofThisProcess().children, 0);
}

void TestPythonLessons::anUnsupportedPythonSaysWhichVersionsWork()
{
    QVERIFY(PythonLesson::isSupportedVersion(QStringLiteral("3.11")));
    QVERIFY(PythonLesson::isSupportedVersion(QStringLiteral("3.9")));
    QVERIFY(PythonLesson::isSupportedVersion(QStringLiteral("3.13")));
    QVERIFY(!PythonLesson::isSupportedVersion(QStringLiteral("3.8")));
    QVERIFY(!PythonLesson::isSupportedVersion(QStringLiteral("3.14")));
    QVERIFY(!PythonLesson::isSupportedVersion(QStringLiteral("2.7")));

    // A "python" that says it is 2.7 (WEFT_PYTHON points lessons at another interpreter).
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString old = directory.filePath(QStringLiteral("python2"));
    QFile script(old);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho 2.7\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    qputenv("WEFT_PYTHON", QFile::encodeName(old));
    const Scenario *lesson = catalogue().find(QStringLiteral("threads.create.py"));
    QVERIFY(lesson);
    const QString reason = lesson->unavailableReason();
    const Trace trace = runWith(*lesson, {});
    qunsetenv("WEFT_PYTHON");
    QVERIFY2(reason.contains(QLatin1String("Python 2.7"))
                 && reason.contains(QLatin1String("3.9 to 3.13")),
             qPrintable(reason));
    QCOMPARE(trace.outcome().status, Outcome::Status::Failed);
    QVERIFY2(trace.outcome().summary.contains(reason), qPrintable(trace.outcome().summary));
    QVERIFY(lesson->unavailableReason().isEmpty()); // the real python3 again
}

QTEST_GUILESS_MAIN(TestPythonLessons)
#include "tst_pythonlessons.moc"
