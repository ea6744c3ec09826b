// SPDX-License-Identifier: MIT
#include "tests/common/sampletrace.h"
#include "ui/panels/searchbar.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestSearchBar : public QObject
{
    Q_OBJECT
private slots:
    void typingFindsTheFirstMatch();
    void enterAndShiftEnterStepAndWrap();
    void saysWhenNothingMatches();
    void escapeHides();

private:
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
};

void TestSearchBar::typingFindsTheFirstMatch()
{
    SearchBar bar;
    bar.setTrace(m_sample.trace);
    bar.activate();
    QSignalSpy chosen(&bar, &SearchBar::matchSelected);
    QTest::keyClicks(bar.findChild<QLineEdit *>(), QStringLiteral("releases"));
    QVERIFY(chosen.wait());
    QCOMPARE(chosen.size(), 1);
    const int first = chosen.takeFirst().at(0).toInt();
    QCOMPARE(m_sample.trace.events()[std::size_t(first)].kind, EventKind::LockReleased);
    QCOMPARE(bar.matchCount(), 2);
    QCOMPARE(bar.statusText(), QStringLiteral("1 of 2"));
}

void TestSearchBar::enterAndShiftEnterStepAndWrap()
{
    SearchBar bar;
    bar.setTrace(m_sample.trace);
    bar.activate();
    bar.setQuery(QStringLiteral("releases"));
    QSignalSpy chosen(&bar, &SearchBar::matchSelected);
    auto *edit = bar.findChild<QLineEdit *>();
    QTest::keyClick(edit, Qt::Key_Return); // searches now, without waiting: the first match
    QTest::keyClick(edit, Qt::Key_Return); // the second
    QTest::keyClick(edit, Qt::Key_Return); // wraps to the first
    QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier); // back to the second
    QCOMPARE(chosen.size(), 4);
    QList<int> order;
    for (const auto &call : chosen)
        order.append(call.at(0).toInt());
    QVERIFY(order[0] < order[1]);
    QCOMPARE(order[2], order[0]);
    QCOMPARE(order[3], order[1]);
    QCOMPARE(bar.statusText(), QStringLiteral("2 of 2"));
}

void TestSearchBar::saysWhenNothingMatches()
{
    SearchBar bar;
    bar.setTrace(m_sample.trace);
    bar.setQuery(QStringLiteral("no such event"));
    QSignalSpy chosen(&bar, &SearchBar::matchSelected);
    bar.findNext();
    QCOMPARE(chosen.size(), 0);
    QCOMPARE(bar.matchCount(), 0);
    QCOMPARE(bar.statusText(), QStringLiteral("no match"));
}

void TestSearchBar::escapeHides()
{
    SearchBar bar;
    bar.activate();
    QVERIFY(bar.isVisible());
    QTest::keyClick(bar.findChild<QLineEdit *>(), Qt::Key_Escape);
    QVERIFY(!bar.isVisible());
}

QTEST_MAIN(TestSearchBar)
#include "tst_searchbar.moc"
