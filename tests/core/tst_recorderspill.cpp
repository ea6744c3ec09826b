// SPDX-License-Identifier: MIT
#include "core/mutex.h"
#include "core/recorderspill.h"
#include "core/runner.h"
#include "core/scenarios/locks/lockscenarios.h"
#include "core/thread.h"
#include "core/tracefile.h"
#include "core/tracing.h"
#include "tests/common/functionscenario.h"
#include "tests/common/processresources.h"
#include "tests/common/scenariorun.h"
#include "tests/common/scopedrun.h"

#include <QBuffer>
#include <QTest>
#include <chrono>

using namespace weft;
using namespace std::chrono_literals;

namespace {

int threadCountOfThisProcess()
{
    return testsupport::ProcessResources::ofThisProcess().threads;
}

TraceMetadata metadataOf(const Scenario &scenario)
{
    TraceMetadata metadata;
    metadata.scenarioId = scenario.id();
    metadata.title = scenario.title();
    return metadata;
}

std::optional<Trace> load(const QByteArray &bytes, QStringList *warnings)
{
    QString error;
    std::optional<Trace> trace = TraceFile::deserialize(bytes, &error, warnings);
    if (!trace)
        qWarning("%s", qPrintable(error));
    return trace;
}

// A thread that sleeps a minute: cancel and timeout have something to stop.
void sleepy(RunContext &)
{
    Mutex lock(QStringLiteral("L"));
    for (int i = 0; i < 1000; ++i) {
        LockGuard guard(lock);
    }
    Thread sleeper(QStringLiteral("sleeper"), [] { sleepFor(60s); });
    sleeper.start();
    sleeper.join();
}

} // namespace

class TestRecorderSpill : public QObject
{
    Q_OBJECT
private slots:
    void spilledFileHasTheSnapshotsEvents();
    void fileCutInHalfLoadsWithAWarning();
    void chunksAreFreedAsWritten();
    void cancelAndTimeoutLeaveNoThread();
};

void TestRecorderSpill::spilledFileHasTheSnapshotsEvents()
{
    // The chunks are kept, so the same recorder's snapshot has every event
    // the file has; the scenario runs until the spill has written several
    // times while threads record (not only once at the end).
    const auto scenario = makeLocksCounterScenario();
    testsupport::ScopedRun run(testsupport::parametersFrom(
        *scenario, {QStringLiteral("threads=8"), QStringLiteral("increments=200")}));
    QBuffer file;
    QVERIFY(file.open(QIODevice::WriteOnly));
    RecorderSpill spill(run.recorder(), &file, RecorderSpill::Chunks::Keep);
    spill.start(metadataOf(*scenario));
    const auto until = std::chrono::steady_clock::now() + 300ms;
    int runs = 0;
    while (runs < 2000 && (runs < 3 || std::chrono::steady_clock::now() < until)) {
        scenario->run(run.context());
        ++runs;
    }
    const Trace written = spill.finish(metadataOf(*scenario), {});
    const Trace snapshot = run.recorder().snapshot(metadataOf(*scenario));
    QCOMPARE(written.events().size(), std::size_t(0)); // they are in the file

    QStringList warnings;
    const std::optional<Trace> loaded = load(file.data(), &warnings);
    QVERIFY(loaded);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    QCOMPARE(spill.eventsWritten(), quint64(snapshot.events().size()));
    QCOMPARE(loaded->events().size(), snapshot.events().size());
    for (std::size_t i = 0; i < snapshot.events().size(); ++i)
        if (!(loaded->events()[i] == snapshot.events()[i]))
            QFAIL(qPrintable(QStringLiteral("event %1 of %2 differs: %3 ns against %4 ns")
                                 .arg(i)
                                 .arg(snapshot.events().size())
                                 .arg(loaded->events()[i].timeNs)
                                 .arg(snapshot.events()[i].timeNs)));
    QCOMPARE(loaded->actorCount(), snapshot.actorCount());
    for (quint32 id = 1; id <= quint32(snapshot.actorCount()); ++id)
        QCOMPARE(loaded->actor(id), snapshot.actor(id)); // native ids set late included
    QCOMPARE(loaded->objectCount(), snapshot.objectCount());
    QCOMPARE(loaded->stringCount(), snapshot.stringCount());
    QCOMPARE(loaded->siteCount(), snapshot.siteCount());
    QCOMPARE(loaded->metadata().scenarioId, QStringLiteral("locks.counter"));
}

void TestRecorderSpill::fileCutInHalfLoadsWithAWarning()
{
    const auto scenario = makeLocksCounterScenario();
    testsupport::ScopedRun run(testsupport::parametersFrom(
        *scenario, {QStringLiteral("threads=8"), QStringLiteral("increments=200")}));
    QBuffer file;
    QVERIFY(file.open(QIODevice::WriteOnly));
    RecorderSpill spill(run.recorder(), &file);
    spill.start(metadataOf(*scenario));
    // Each run's events are written before the next run begins, so the file
    // holds several events blocks whatever the machine's load (on a busy
    // machine every event could otherwise wait for finish(), in one block that
    // half the file cuts through).
    for (int i = 0; i < 5; ++i) {
        const quint64 before = spill.eventsWritten();
        scenario->run(run.context());
        QTRY_VERIFY_WITH_TIMEOUT(spill.eventsWritten() > before, 30000);
    }
    spill.finish(metadataOf(*scenario), {});
    const QByteArray whole = file.data();

    QStringList warnings;
    const std::optional<Trace> all = load(whole, &warnings);
    QVERIFY(all);
    QVERIFY(warnings.isEmpty());
    QCOMPARE(all->events().size(), std::size_t(spill.eventsWritten()));

    const std::optional<Trace> half = load(whole.left(whole.size() / 2), &warnings);
    QVERIFY(half);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.front().contains(QStringLiteral("cut short")), qPrintable(warnings.front()));
    QVERIFY(!half->events().empty());
    QVERIFY(half->events().size() < all->events().size());
    QCOMPARE(half->metadata().title, scenario->title()); // the first block's
}

void TestRecorderSpill::chunksAreFreedAsWritten()
{
    // A budget of 150 000 events in memory (two chunks of 65 536 fit); 20
    // times 40 000 recorded, each batch written (and its chunks freed) before
    // the next: none dropped.
    Recorder recorder(150'000);
    const quint32 actor = recorder.addActor({});
    QBuffer file;
    QVERIFY(file.open(QIODevice::WriteOnly));
    RecorderSpill spill(recorder, &file);
    spill.start({});
    constexpr int kBatches = 20, kBatch = 40'000;
    for (int batch = 0; batch < kBatches; ++batch) {
        for (int i = 0; i < kBatch; ++i)
            recorder.record(EventKind::Print, actor, 0, i);
        QTRY_COMPARE(spill.eventsWritten(), quint64(batch + 1) * kBatch);
        // In memory: the chunk the thread writes to, not the whole run.
        QVERIFY2(recorder.eventCount() < std::size_t(kBatch * 2),
                 qPrintable(QString::number(recorder.eventCount())));
    }
    spill.finish({}, {});
    QCOMPARE(recorder.droppedCount(), quint64(0));
    QCOMPARE(spill.eventsWritten(), quint64(kBatches) * kBatch);
    // Only the thread's last chunk, which it might still have added to, is left.
    QVERIFY(recorder.chunksAllocated() > 10);
    QCOMPARE(recorder.chunksAllocated() - recorder.chunksFreed(), std::size_t(1));
    QStringList warnings;
    const std::optional<Trace> loaded = load(file.data(), &warnings);
    QVERIFY(loaded);
    QCOMPARE(loaded->events().size(), std::size_t(kBatches) * kBatch);
    QCOMPARE(loaded->events().back().value, qint64(kBatch - 1));
}

void TestRecorderSpill::cancelAndTimeoutLeaveNoThread()
{
    const testsupport::FunctionScenario scenario(sleepy);
    for (const bool cancel : {true, false}) {
        const int before = threadCountOfThisProcess();
        QBuffer file;
        QVERIFY(file.open(QIODevice::WriteOnly));
        RunOptions options;
        options.spillTo = &file;
        if (!cancel)
            options.timeout = 100ms;
        Runner runner;
        QVERIFY(runner.start(scenario, {}, options));
        if (cancel) {
            QTRY_VERIFY(file.size() > 0 && runner.elapsedNs() > 30'000'000);
            runner.cancel();
        }
        QVERIFY(runner.waitForFinished(10s));
        QVERIFY(runner.spilled());
        QVERIFY(runner.spillError().isEmpty());
        // The runner is still alive: its spill's thread must be gone already.
        QTRY_VERIFY2(threadCountOfThisProcess() <= before,
                     qPrintable(QStringLiteral("%1 threads, %2 before")
                                    .arg(threadCountOfThisProcess())
                                    .arg(before)));
        QStringList warnings;
        const std::optional<Trace> loaded = load(file.data(), &warnings);
        QVERIFY(loaded);
        QVERIFY(warnings.isEmpty());
        QCOMPARE(loaded->outcome().status,
                 cancel ? Outcome::Status::Cancelled : Outcome::Status::TimedOut);
        QCOMPARE(loaded->events().size(), std::size_t(runner.spilledEvents()));
        QVERIFY(loaded->eventsOfKind(EventKind::LockAcquired).size() >= 1000);
    }
}

QTEST_GUILESS_MAIN(TestRecorderSpill)
#include "tst_recorderspill.moc"
