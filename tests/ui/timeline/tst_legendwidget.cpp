// SPDX-License-Identifier: MIT
#include "tests/common/sampletrace.h"
#include "ui/timeline/legendwidget.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestLegendWidget : public QObject
{
    Q_OBJECT
private slots:
    void showsTheEntriesOfTheModelItIsGiven();
};

void TestLegendWidget::showsTheEntriesOfTheModelItIsGiven()
{
    LegendWidget legend;
    const int empty = legend.heightForWidth(320);
    const TimelineModel model(testsupport::makeSampleTrace().trace);
    legend.setModel(&model);
    // The sample has states, a lock, arrows and instants: rows of swatches.
    const int shown = legend.heightForWidth(320);
    QVERIFY2(shown > empty + 40, qPrintable(QStringLiteral("%1 vs %2").arg(shown).arg(empty)));
    legend.setModel(nullptr);
    QCOMPARE(legend.heightForWidth(320), empty);
}

QTEST_MAIN(TestLegendWidget)
#include "tst_legendwidget.moc"
