// SPDX-License-Identifier: MIT
#include "tests/common/sampletrace.h"
#include "ui/models/livesnapshottaker.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <atomic>

using namespace weft;
using namespace weft::ui;

class TestLiveSnapshotTaker : public QObject
{
    Q_OBJECT
private slots:
    void takesOnItsOwnThreadAndDeliversHere();
    void aRequestWhileOneIsTakenIsDropped();
    void aDiscardedSnapshotIsNotDelivered();
};

void TestLiveSnapshotTaker::takesOnItsOwnThreadAndDeliversHere()
{
    const Trace sample = testsupport::makeSampleTrace().trace;
    std::atomic<QThread *> takenOn {nullptr};
    LiveSnapshotTaker taker([&] {
        takenOn = QThread::currentThread();
        return Trace(sample); // the same payload, shared
    });
    QSignalSpy taken(&taker, &LiveSnapshotTaker::taken);
    taker.request();
    QVERIFY(taker.isBusy());
    QVERIFY(taken.wait(10000));
    QVERIFY(!taker.isBusy());
    QVERIFY(takenOn.load() != nullptr);
    QVERIFY(takenOn.load() != QThread::currentThread());
    QVERIFY(taken.first().at(0).value<Trace>().sharesDataWith(sample));
}

void TestLiveSnapshotTaker::aRequestWhileOneIsTakenIsDropped()
{
    QSemaphore go;
    std::atomic<int> calls {0};
    LiveSnapshotTaker taker([&] {
        go.acquire();
        ++calls;
        return testsupport::makeSampleTrace().trace;
    });
    QSignalSpy taken(&taker, &LiveSnapshotTaker::taken);
    taker.request();
    taker.request(); // the first is still being taken: dropped
    taker.request();
    go.release(3);
    QVERIFY(taken.wait(10000));
    // One more: the worker takes requests in order, so a dropped one, had it
    // been queued, would have run before this one.
    taker.request();
    QTRY_COMPARE_WITH_TIMEOUT(taken.count(), 2, 30000);
    QCOMPARE(calls.load(), 2);
}

void TestLiveSnapshotTaker::aDiscardedSnapshotIsNotDelivered()
{
    QSemaphore go;
    LiveSnapshotTaker taker([&] {
        go.acquire();
        return testsupport::makeSampleTrace().trace;
    });
    QSignalSpy taken(&taker, &LiveSnapshotTaker::taken);
    taker.request();
    taker.discard(); // the run it was for has ended
    go.release();
    QTRY_VERIFY_WITH_TIMEOUT(!taker.isBusy(), 30000); // its result came back, and was dropped
    QCOMPARE(taken.count(), 0);
    go.release();
    taker.request();
    QVERIFY(taken.wait(10000));
    QCOMPARE(taken.count(), 1);
}

QTEST_GUILESS_MAIN(TestLiveSnapshotTaker)
#include "tst_livesnapshottaker.moc"
