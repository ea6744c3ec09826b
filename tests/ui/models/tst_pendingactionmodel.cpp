// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "ui/models/pendingactionmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace weft;
using namespace weft::ui;

namespace {

// Two threads and one lock; `ownerAtEnd` is who holds it after the events (0: nobody).
Trace lockTrace(bool releasedAgain)
{
    TraceBuilder builder;
    const quint32 a = builder.addActor({QStringLiteral("alpha"), 1, 0, false, false});
    builder.addActor({QStringLiteral("beta"), 2, 0, false, false});
    const quint32 lock = builder.addObject({QStringLiteral("L1"), ObjectKind::Lock});
    builder.addSite({QStringLiteral("fake/fakesource.cpp"), 4});
    Event acquired;
    acquired.timeNs = 10;
    acquired.actor = a;
    acquired.object = lock;
    acquired.kind = EventKind::LockAcquired;
    builder.addEvent(acquired);
    if (releasedAgain) {
        Event released = acquired;
        released.timeNs = 20;
        released.kind = EventKind::LockReleased;
        builder.addEvent(released);
    }
    return builder.build();
}

PendingAction action(quint32 actor, EventKind kind, quint32 object, const QString &what,
                     quint64 arrival)
{
    PendingAction p;
    p.actor = actor;
    p.kind = kind;
    p.object = object;
    p.description = what;
    p.site = 1;
    p.arrival = arrival;
    return p;
}

} // namespace

class TestPendingActionModel : public QObject
{
    Q_OBJECT
private slots:
    void marksAWaiterForAHeldLockBlocked_data();
    void marksAWaiterForAHeldLockBlocked();
    void namesLaneActionAndLine();
    void timelineMarksSayWhoBlocks();
};

void TestPendingActionModel::marksAWaiterForAHeldLockBlocked_data()
{
    QTest::addColumn<bool>("released");
    QTest::addColumn<quint32>("actor");
    QTest::addColumn<bool>("blocked");
    QTest::newRow("other thread holds it") << false << 2u << true;
    QTest::newRow("the owner itself (re-entry is its own problem)") << false << 1u << false;
    QTest::newRow("released again") << true << 2u << false;
}

void TestPendingActionModel::marksAWaiterForAHeldLockBlocked()
{
    QFETCH(bool, released);
    QFETCH(quint32, actor);
    QFETCH(bool, blocked);
    PendingActionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPending({action(actor, EventKind::LockAcquired, 1, QStringLiteral("acquire L1"), 1)},
                     lockTrace(released));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.isBlocked(0), blocked);
    QCOMPARE(model.index(0).data(PendingActionModel::BlockedRole).toBool(), blocked);
    QCOMPARE(model.index(0).data().toString().contains(QStringLiteral("alpha holds")), blocked);
}

void TestPendingActionModel::namesLaneActionAndLine()
{
    PendingActionModel model;
    model.setPending({action(2, EventKind::Print, 0, QStringLiteral("print \"hi\""), 1),
                      action(1, EventKind::SleepBegin, 0, QStringLiteral("sleep 5 ms"), 2)},
                     lockTrace(true));
    QCOMPARE(model.rowCount(), 2);
    const QString first = model.index(0).data().toString();
    QVERIFY2(first.contains(QStringLiteral("beta")) && first.contains(QStringLiteral("print"))
                 && first.contains(QStringLiteral("4")),
             qPrintable(first));
    QCOMPARE(model.rowOfActor(1), 1);
    QCOMPARE(model.actionAt(1)->description, QStringLiteral("sleep 5 ms"));
    QCOMPARE(model.actionAt(2), nullptr);
    model.setPending({}, lockTrace(true));
    QCOMPARE(model.rowCount(), 0);
}

void TestPendingActionModel::timelineMarksSayWhoBlocks()
{
    PendingActionModel model;
    model.setPending({action(2, EventKind::LockAcquired, 1, QStringLiteral("acquire L1"), 1),
                      action(1, EventKind::Print, 0, QStringLiteral("print \"hi\""), 2)},
                     lockTrace(false));
    const QList<PendingMark> marks = model.timelineMarks();
    QCOMPARE(marks.size(), 2);
    QCOMPARE(marks[0].actor, 2u);
    QCOMPARE(marks[0].text, QStringLiteral("acquire L1"));
    QVERIFY(marks[0].isBlocked());
    QCOMPARE(marks[0].blockedText, QStringLiteral("blocked: L1 held by alpha"));
    QCOMPARE(model.blockedText(0), marks[0].blockedText);
    QCOMPARE(marks[1].actor, 1u);
    QVERIFY(!marks[1].isBlocked());
    QVERIFY(model.blockedText(1).isEmpty());

    model.setPending({action(2, EventKind::LockAcquired, 1, QStringLiteral("acquire L1"), 1)},
                     lockTrace(true));
    QVERIFY(!model.timelineMarks().first().isBlocked());
}

QTEST_GUILESS_MAIN(TestPendingActionModel)
#include "tst_pendingactionmodel.moc"
