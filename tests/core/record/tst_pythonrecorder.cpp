// SPDX-License-Identifier: MIT
// Python programs (fixtures/python/*.py) recorded under the real CPython
// (/usr/bin/python3) through the real library and weft's probe: thread
// names, daemons, lines of the script, and the real GIL, all from the events.
#include "core/record/programrecorder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <map>

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

QTEST_GUILESS_MAIN(TestPythonRecorder)
#include "tst_pythonrecorder.moc"
