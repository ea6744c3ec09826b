// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "ui/models/timebreakdownmodel.h"
#include "ui/timeline/theme.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestTimeBreakdownModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreLanesThenTheirProcess();
    void columnsAreTheStatesAndLocksThatOccur();
    void barSharesAddUpToTheWhole();
    void csvHasEveryNumberInMilliseconds();
    void aRangeNarrowsTheNumbers();
};

namespace {

// T1 holds L 0-6 ms; T2 waits for it 2-6 ms, then sleeps 8-10 ms; both end at 10 ms.
Trace contendedTrace()
{
    TraceBuilder b;
    const quint32 process = b.addProcess({42, QStringLiteral("demo")});
    const quint32 t1 = b.addActor({QStringLiteral("T1"), 1, process, true, false});
    const quint32 t2 = b.addActor({QStringLiteral("T2"), 2, process, false, false});
    const quint32 lock = b.addObject({QStringLiteral("L"), ObjectKind::Lock});
    constexpr qint64 ms = 1000000;
    auto add = [&](qint64 t, quint32 actor, EventKind kind, quint32 object = 0) {
        b.addEvent({t * ms, 0, actor, object, 0, 0, kind, NoFlags});
    };
    add(0, t1, EventKind::ThreadStart);
    add(0, t1, EventKind::LockAcquired, lock);
    add(1, t2, EventKind::ThreadStart);
    add(2, t2, EventKind::LockWait, lock);
    add(6, t1, EventKind::LockReleased, lock);
    add(6, t2, EventKind::LockAcquired, lock);
    add(7, t2, EventKind::LockReleased, lock);
    add(8, t2, EventKind::SleepBegin);
    add(10, t2, EventKind::SleepEnd);
    add(10, t2, EventKind::ThreadEnd);
    add(10, t1, EventKind::ThreadEnd);
    return b.build();
}

int columnNamed(const TimeBreakdownModel &model, const QString &header)
{
    for (int c = 0; c < model.columnCount(); ++c) {
        if (model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() == header)
            return c;
    }
    return -1;
}

qint64 nsAt(const TimeBreakdownModel &model, int row, const QString &header)
{
    const int column = columnNamed(model, header);
    return column < 0
        ? -1
        : model.data(model.index(row, column), TimeBreakdownModel::NanosecondsRole).toLongLong();
}

} // namespace

void TestTimeBreakdownModel::rowsAreLanesThenTheirProcess()
{
    TimeBreakdownModel model;
    model.setTrace(contendedTrace());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("T1"));
    QCOMPARE(model.data(model.index(1, 0)).toString(), QStringLiteral("T2"));
    QVERIFY(model.data(model.index(2, 0)).toString().contains(QStringLiteral("demo")));
    QCOMPARE(nsAt(model, 2, QStringLiteral("Lived")), 10000000 + 9000000);
}

void TestTimeBreakdownModel::columnsAreTheStatesAndLocksThatOccur()
{
    TimeBreakdownModel model;
    model.setTrace(contendedTrace());
    const Theme &theme = Theme::current();
    QVERIFY(columnNamed(model, theme.stateName(LaneState::Running)) > 0);
    QVERIFY(columnNamed(model, theme.stateName(LaneState::Sleeping)) > 0);
    QVERIFY(columnNamed(model, theme.stateName(LaneState::BlockedOnLock)) > 0);
    QCOMPARE(columnNamed(model, theme.stateName(LaneState::WaitingIo)), -1); // none in the trace
    QCOMPARE(columnNamed(model, theme.stateName(LaneState::Finished)), -1);
    QCOMPARE(nsAt(model, 1, QStringLiteral("blocked on L")), 4000000);
    QCOMPARE(nsAt(model, 0, QStringLiteral("blocked on L")), 0);
    QCOMPARE(nsAt(model, 1, theme.stateName(LaneState::Sleeping)), 2000000);
    QCOMPARE(nsAt(model, 1, theme.stateName(LaneState::Running)), 3000000);
    QCOMPARE(model.data(model.index(0, columnNamed(model, QStringLiteral("blocked on L")))),
             QVariant(QString())); // nothing to say: an empty cell, not "0 ns"
}

void TestTimeBreakdownModel::barSharesAddUpToTheWhole()
{
    TimeBreakdownModel model;
    model.setTrace(contendedTrace());
    const QVariantList segments
        = model.data(model.index(1, model.barColumn()), TimeBreakdownModel::SegmentsRole).toList();
    QCOMPARE(segments.size(), 3); // running, sleeping, blocked
    double sum = 0;
    for (const QVariant &segment : segments)
        sum += segment.value<TimeBreakdownModel::Segment>().fraction;
    QVERIFY(qAbs(sum - 1.0) < 1e-9);
    const auto blocked = segments.at(2).value<TimeBreakdownModel::Segment>();
    QCOMPARE(blocked.color, Theme::current().stateColor(LaneState::BlockedOnLock));
    QVERIFY(qAbs(blocked.fraction - 4.0 / 9.0) < 1e-9);
}

void TestTimeBreakdownModel::csvHasEveryNumberInMilliseconds()
{
    TimeBreakdownModel model;
    model.setTrace(contendedTrace());
    const QStringList lines = model.toCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4); // the header and three rows
    const QStringList header = lines.at(0).split(QLatin1Char(','));
    QCOMPARE(header.at(0), QStringLiteral("Thread"));
    QVERIFY(header.contains(QStringLiteral("blocked on L (ms)")));
    const QStringList t2 = lines.at(2).split(QLatin1Char(','));
    QCOMPARE(t2.at(0), QStringLiteral("T2"));
    QCOMPARE(t2.at(header.indexOf(QStringLiteral("blocked on L (ms)"))), QStringLiteral("4.000"));
    QCOMPARE(t2.at(header.indexOf(QStringLiteral("Lived (ms)"))), QStringLiteral("9.000"));
    QVERIFY(lines.at(3).startsWith(QLatin1Char('"'))); // "demo (pid 42), all threads" is quoted
}

void TestTimeBreakdownModel::aRangeNarrowsTheNumbers()
{
    TimeBreakdownModel model;
    const Trace trace = contendedTrace();
    model.setTrace(trace, 3000000, 5000000);
    QCOMPARE(nsAt(model, 1, QStringLiteral("blocked on L")), 2000000);
    QCOMPARE(nsAt(model, 1, QStringLiteral("Lived")), 2000000);
    QCOMPARE(columnNamed(model, Theme::current().stateName(LaneState::Sleeping)), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestTimeBreakdownModel)
#include "tst_timebreakdownmodel.moc"
