// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "ui/models/eventdetailsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestEventDetailsModel : public QObject
{
    Q_OBJECT
private slots:
    void showsTheFieldsOfAnEvent();
    void outOfRangeClears();
    void cutsLongNamesAndTextsBeforeShowingThem();
    void namesWhatTheValueMeans();
    void aSliceShowsItsDurationSelfTimeAndArgs();
    void formatsDurations_data();
    void formatsDurations();
    void aWaitSaysWhoHeldTheLockAndWhoEndedIt();
};

void TestEventDetailsModel::showsTheFieldsOfAnEvent()
{
    TraceBuilder builder;
    const quint32 actor = builder.addActor({QStringLiteral("worker"), 777, 0, false, false});
    const quint32 lock = builder.addObject({QStringLiteral("L1"), ObjectKind::Lock});
    const quint16 site = builder.addSite({QStringLiteral("locks/x.cpp"), 42});
    Event first;
    first.timeNs = 1000;
    first.actor = actor;
    first.kind = EventKind::ThreadStart;
    builder.addEvent(first);
    Event e;
    e.timeNs = 1000 + 2'500'000;
    e.actor = actor;
    e.object = lock;
    e.kind = EventKind::Mark;
    e.text = builder.intern(QStringLiteral("lost update"));
    e.site = site;
    e.flags = Abnormal;
    builder.addEvent(e);
    const Trace trace = builder.build();

    EventDetailsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvent(trace, 1);
    QCOMPARE(model.eventIndex(), 1);
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Kind")),
             QStringLiteral("%1 (%2)").arg(EventDetailsModel::describeKind(EventKind::Mark),
                                           QString::fromLatin1(eventKindName(EventKind::Mark))));
    QVERIFY(model.valueOf(EventDetailsModel::tr("Time")).startsWith(QStringLiteral("2.500 ms")));
    QVERIFY(model.valueOf(EventDetailsModel::tr("Lane")).contains(QStringLiteral("worker")));
    QVERIFY(model.valueOf(EventDetailsModel::tr("Lane")).contains(QStringLiteral("777")));
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Object")), QStringLiteral("L1"));
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Text")), QStringLiteral("lost update"));
    QVERIFY(model.valueOf(EventDetailsModel::tr("Source")).contains(QStringLiteral("locks/x.cpp")));
    QVERIFY(model.valueOf(EventDetailsModel::tr("Source")).contains(QStringLiteral("42")));
    QVERIFY(!model.valueOf(EventDetailsModel::tr("Flags")).isEmpty());
    QCOMPARE(model.columnCount(), 2);
}

void TestEventDetailsModel::aSliceShowsItsDurationSelfTimeAndArgs()
{
    TraceBuilder builder;
    const quint32 actor = builder.addActor({QStringLiteral("clang++"), 0, 0, false, false});
    auto add = [&](EventKind kind, qint64 t, qint64 value, const QString &text) {
        Event e;
        e.kind = kind;
        e.timeNs = t;
        e.actor = actor;
        e.value = value;
        e.text = builder.intern(text);
        e.flags = Imported;
        builder.addEvent(e);
    };
    add(EventKind::SpanBegin, 1000, 4'000'000, QStringLiteral("ParseClass"));
    add(EventKind::SpanEnd, 4'001'000, 4'000'000, QStringLiteral("detail: Widget"));
    const Trace trace = builder.build();

    EventDetailsModel model;
    const SliceFacts facts {4'000'000, 1'500'000, false};
    model.setEvent(trace, 0, &facts);
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Name")), QStringLiteral("ParseClass"));
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Duration")),
             EventDetailsModel::formatDuration(4'000'000));
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Self time")),
             EventDetailsModel::formatDuration(1'500'000));
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Args")), QStringLiteral("detail: Widget"));
    // Without the timeline's facts: the duration the trace gave, no self time.
    model.setEvent(trace, 0);
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Duration")),
             EventDetailsModel::formatDuration(4'000'000));
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Self time")), QString());
    // A slice still open at the end says so.
    const SliceFacts open {4'000'000, 4'000'000, true};
    model.setEvent(trace, 0, &open);
    QVERIFY(model.valueOf(EventDetailsModel::tr("Duration"))
                .contains(EventDetailsModel::formatDuration(4'000'000)));
    QVERIFY(model.valueOf(EventDetailsModel::tr("Duration"))
            != EventDetailsModel::formatDuration(4'000'000));
}

void TestEventDetailsModel::outOfRangeClears()
{
    EventDetailsModel model;
    model.setEvent(Trace(), 0);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.eventIndex(), -1);
    model.setEvent(Trace(), -3);
    QCOMPARE(model.rowCount(), 0);
}

void TestEventDetailsModel::cutsLongNamesAndTextsBeforeShowingThem()
{
    // A shared trace can carry a 50 MB name: the table would shape all of it.
    const QString huge(1'000'000, QLatin1Char('x'));
    TraceBuilder builder;
    const quint32 actor = builder.addActor({huge, 0, 0, false, false});
    const quint32 lock = builder.addObject({huge, ObjectKind::Lock});
    const quint16 site = builder.addSite({huge, 7});
    Event e;
    e.timeNs = 10;
    e.actor = actor;
    e.object = lock;
    e.kind = EventKind::Print;
    e.text = builder.intern(huge);
    e.site = site;
    builder.addEvent(e);
    const Trace trace = builder.build();

    EventDetailsModel model;
    model.setEvent(trace, 0);
    const qsizetype bound = EventDetailsModel::kMaxValueChars + 64; // the cut text and its frame
    for (const char *field : {"Lane", "Object", "Text", "Source"}) {
        const QString value = model.valueOf(EventDetailsModel::tr(field));
        QVERIFY2(!value.isEmpty(), field);
        QVERIFY2(
            value.size() <= bound,
            qPrintable(
                QStringLiteral("%1: %2 characters").arg(QLatin1String(field)).arg(value.size())));
        QVERIFY2(value.contains(QChar(0x2026)), field);
    }
}

void TestEventDetailsModel::formatsDurations_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("text");
    QTest::newRow("ns") << qint64(999) << QStringLiteral("999 ns");
    QTest::newRow("us") << qint64(1500) << QStringLiteral("1.50 µs");
    QTest::newRow("ms") << qint64(2'000'000) << QStringLiteral("2.000 ms");
    QTest::newRow("s") << qint64(3'250'000'000) << QStringLiteral("3.250 s");
}

void TestEventDetailsModel::formatsDurations()
{
    QFETCH(qint64, ns);
    QFETCH(QString, text);
    QCOMPARE(EventDetailsModel::formatDuration(ns), text);
}

void TestEventDetailsModel::namesWhatTheValueMeans()
{
    // A sleep's value is its duration, a join's the joined thread: shown as such, not as a number.
    TraceBuilder builder;
    const quint32 main = builder.addActor({QStringLiteral("MainThread"), 10, 0, true, false});
    const quint32 worker = builder.addActor({QStringLiteral("Worker"), 11, 0, false, false});
    builder.addEvent({0, 10, main, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    builder.addEvent({5, 1'000'000'000, worker, 0, 0, 0, EventKind::SleepBegin, NoFlags});
    builder.addEvent({6, qint64(worker), main, 0, 0, 0, EventKind::JoinWait, NoFlags});
    const Trace trace = builder.build();

    EventDetailsModel model;
    model.setEvent(trace, 1);
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Sleeps for")), QStringLiteral("1.000 s"));
    QVERIFY(model.valueOf(EventDetailsModel::tr("Value")).isEmpty());
    model.setEvent(trace, 2);
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Joined thread")), QStringLiteral("Worker"));
    QVERIFY(model.valueOf(EventDetailsModel::tr("Kind")).contains(QStringLiteral("join_wait")));
}

// T3 acquires L1 at line 42 and releases it at line 45; T1 waits for it meanwhile.
void TestEventDetailsModel::aWaitSaysWhoHeldTheLockAndWhoEndedIt()
{
    TraceBuilder builder;
    const quint32 t1 = builder.addActor({QStringLiteral("T1"), 1, 0, false, false});
    const quint32 t3 = builder.addActor({QStringLiteral("T3"), 3, 0, false, false});
    const quint32 lock = builder.addObject({QStringLiteral("L1"), ObjectKind::Lock});
    const quint16 acquireSite = builder.addSite({QStringLiteral("locks/x.cpp"), 42});
    const quint16 releaseSite = builder.addSite({QStringLiteral("locks/x.cpp"), 45});
    auto add = [&](qint64 t, quint32 actor, EventKind kind, quint32 object, quint16 site) {
        builder.addEvent({t, 0, actor, object, 0, site, kind, NoFlags});
    };
    add(0, t3, EventKind::ThreadStart, 0, 0);
    add(0, t1, EventKind::ThreadStart, 0, 0);
    add(100, t3, EventKind::LockAcquired, lock, acquireSite); // 2
    add(1'000'000, t1, EventKind::LockWait, lock, 0); // 3
    add(3'100'000, t3, EventKind::LockReleased, lock, releaseSite); // 4
    add(3'100'000, t1, EventKind::LockAcquired, lock, 0); // 5
    const Trace trace = builder.build();

    EventDetailsModel model;
    model.setEvent(trace, 3);
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Blocked")),
             QStringLiteral("2.100 ms on L1, held by T3 (acquired at line 42)"));
    QCOMPARE(model.valueOf(EventDetailsModel::tr("Unblocked by")),
             QStringLiteral("T3: %1 at 3.100 ms (line 45)")
                 .arg(EventDetailsModel::describeKind(EventKind::LockReleased)));
    QVERIFY(model.waitCause());
    QCOMPARE(model.waitCause()->causeEvent, 4);

    model.setEvent(trace, 5); // the wait's end says the same
    QCOMPARE(model.waitCause()->causeEvent, 4);
    model.setEvent(trace, 2); // an acquisition without a wait
    QVERIFY(!model.waitCause());
    QVERIFY(model.valueOf(EventDetailsModel::tr("Blocked")).isEmpty());
}

QTEST_GUILESS_MAIN(TestEventDetailsModel)
#include "tst_eventdetailsmodel.moc"
