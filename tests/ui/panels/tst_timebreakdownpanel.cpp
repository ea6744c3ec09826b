// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "tests/common/pixelcounts.h"
#include "ui/models/timebreakdownmodel.h"
#include "ui/panels/timebreakdownpanel.h"
#include "ui/timeline/theme.h"

#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestTimeBreakdownPanel : public QObject
{
    Q_OBJECT

private slots:
    void emptyUntilATraceComes();
    void barsAreDrawnInTheStateColours();
    void aRangeSaysSo();
    void csvIsWrittenAndAnUnwritablePathSaysWhy();
};

namespace {

// T1 runs 0-10 ms; T2 sleeps 2-8 ms of its 0-10 ms.
Trace sleepyTrace()
{
    TraceBuilder b;
    const quint32 process = b.addProcess({7, QStringLiteral("p")});
    const quint32 t1 = b.addActor({QStringLiteral("T1"), 1, process, true, false});
    const quint32 t2 = b.addActor({QStringLiteral("T2"), 2, process, false, false});
    constexpr qint64 ms = 1000000;
    auto add = [&](qint64 t, quint32 actor, EventKind kind) {
        b.addEvent({t * ms, 0, actor, 0, 0, 0, kind, NoFlags});
    };
    add(0, t1, EventKind::ThreadStart);
    add(0, t2, EventKind::ThreadStart);
    add(2, t2, EventKind::SleepBegin);
    add(8, t2, EventKind::SleepEnd);
    add(10, t2, EventKind::ThreadEnd);
    add(10, t1, EventKind::ThreadEnd);
    return b.build();
}

} // namespace

void TestTimeBreakdownPanel::emptyUntilATraceComes()
{
    TimeBreakdownPanel panel;
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY(!panel.findChild<QPushButton *>()->isEnabled());
    panel.setTrace(sleepyTrace());
    QCOMPARE(panel.model()->rowCount(), 3); // T1, T2 and their process
    QVERIFY(panel.findChild<QPushButton *>()->isEnabled());
    panel.clear();
    QCOMPARE(panel.model()->rowCount(), 0);
}

void TestTimeBreakdownPanel::barsAreDrawnInTheStateColours()
{
    TimeBreakdownPanel panel;
    panel.resize(900, 300);
    panel.setTrace(sleepyTrace());
    auto *table = panel.findChild<QTableView *>();
    table->horizontalHeader()->resizeSection(panel.model()->barColumn(), 300);
    const QImage image = panel.grab().toImage();
    QVERIFY(!image.isNull());
    const Theme &theme = Theme::current();
    // T2's bar: 40 % running, 60 % sleeping, each a solid run of pixels.
    QVERIFY(testsupport::countNear(image, image.rect(), theme.stateColor(LaneState::Running), 2)
            > 200);
    QVERIFY(testsupport::countNear(image, image.rect(), theme.stateColor(LaneState::Sleeping), 2)
            > 200);
}

void TestTimeBreakdownPanel::aRangeSaysSo()
{
    TimeBreakdownPanel panel;
    panel.setTrace(sleepyTrace());
    auto *scope = panel.findChild<QLabel *>();
    QVERIFY(scope->text().contains(QStringLiteral("whole run")));
    panel.setRange(4000000, 6000000);
    QVERIFY2(scope->text().contains(QStringLiteral("4.000 ms")), qPrintable(scope->text()));
    QCOMPARE(panel.model()
                 ->data(panel.model()->index(1, 2), TimeBreakdownModel::NanosecondsRole)
                 .toLongLong(),
             2000000); // T2 lived 2 ms of the range
}

void TestTimeBreakdownPanel::csvIsWrittenAndAnUnwritablePathSaysWhy()
{
    TimeBreakdownPanel panel;
    panel.setTrace(sleepyTrace());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.csv"));
    QString error;
    QVERIFY(panel.exportCsv(path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), panel.model()->toCsv());
    QVERIFY(!panel.exportCsv(dir.filePath(QStringLiteral("missing/dir/t.csv")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestTimeBreakdownPanel)
#include "tst_timebreakdownpanel.moc"
