// SPDX-License-Identifier: MIT
#include "core/language.h"
#include "core/tracebuilder.h"
#include "ui/models/pendingactionmodel.h"
#include "ui/panels/steppanel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace weft;
using namespace weft::ui;

namespace {

// alpha holds L1; beta and gamma are parked.
Trace heldLockTrace()
{
    TraceBuilder builder;
    const quint32 a = builder.addActor({QStringLiteral("alpha"), 1, 0, false, false});
    builder.addActor({QStringLiteral("beta"), 2, 0, false, false});
    builder.addActor({QStringLiteral("gamma"), 3, 0, false, false});
    const quint32 lock = builder.addObject({QStringLiteral("L1"), ObjectKind::Lock});
    builder.addSite({QStringLiteral("fake/fakesource.cpp"), 4});
    builder.addSite({QStringLiteral("fake/fakesource.cpp"), 7});
    Event acquired;
    acquired.timeNs = 10;
    acquired.actor = a;
    acquired.object = lock;
    acquired.kind = EventKind::LockAcquired;
    builder.addEvent(acquired);
    return builder.build();
}

PendingAction action(quint32 actor, EventKind kind, quint32 object, quint16 site, quint64 arrival)
{
    PendingAction p;
    p.actor = actor;
    p.kind = kind;
    p.object = object;
    p.description = QStringLiteral("something");
    p.site = site;
    p.arrival = arrival;
    return p;
}

} // namespace

class TestStepPanel : public QObject
{
    Q_OBJECT
private slots:
    // English plurals ("1 step", "12 steps") come from its catalogue, as in the app.
    void initTestCase() { QVERIFY(weft::Language::install(QStringLiteral("en"))); }
    void runUntilOffersTheGatedKinds();
    void blockedRowIsNotStepped();
    void selectingAThreadHighlightsItsLine();
    void replayStatusShowsAndHides();
    void replayProgressIsStatedAsTheDriverReportsIt_data();
    void replayProgressIsStatedAsTheDriverReportsIt();
};

void TestStepPanel::runUntilOffersTheGatedKinds()
{
    StepPanel panel;
    QAction runUntil(QStringLiteral("Run until"));
    QAction replay(QStringLiteral("Replay"));
    panel.setScheduleActions(&runUntil, &replay);
    auto *combo = panel.findChild<QComboBox *>(QStringLiteral("runUntilKind"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), int(StepPanel::runUntilKinds().size()));
    QCOMPARE(panel.runUntilKind(), EventKind::LockAcquired); // the first: the usual question
    panel.setRunUntilKind(EventKind::JoinWait);
    QCOMPARE(panel.runUntilKind(), EventKind::JoinWait);
    QCOMPARE(combo->currentData().toInt(), int(EventKind::JoinWait));
    // Both actions are reachable from the panel.
    QVERIFY(!panel.findChildren<QWidget *>().isEmpty());
    int buttons = 0;
    for (QToolButton *button : panel.findChildren<QToolButton *>())
        buttons += button->defaultAction() == &runUntil || button->defaultAction() == &replay;
    QCOMPARE(buttons, 2);
}

void TestStepPanel::blockedRowIsNotStepped()
{
    StepPanel panel;
    panel.setPending(
        {action(2, EventKind::LockAcquired, 1, 1, 1), action(3, EventKind::Print, 0, 2, 2)},
        heldLockTrace());
    QSignalSpy stepped(&panel, &StepPanel::stepRequested);
    auto *list = panel.findChild<QListView *>();
    QVERIFY(panel.model()->isBlocked(0));
    Q_EMIT list->doubleClicked(panel.model()->index(0));
    QCOMPARE(stepped.count(), 0);
    Q_EMIT list->doubleClicked(panel.model()->index(1));
    QCOMPARE(stepped.count(), 1);
    QCOMPARE(stepped.first().at(0).value<quint32>(), 3u);
}

void TestStepPanel::selectingAThreadHighlightsItsLine()
{
    StepPanel panel;
    QSignalSpy highlighted(&panel, &StepPanel::actionHighlighted);
    panel.setPending(
        {action(2, EventKind::LockAcquired, 1, 1, 1), action(3, EventKind::Print, 0, 2, 2)},
        heldLockTrace());
    QVERIFY(highlighted.count() >= 1);
    QCOMPARE(highlighted.last().at(0).value<quint16>(), quint16(1)); // the earliest by default
    panel.selectActor(3);
    QCOMPARE(highlighted.last().at(0).value<quint16>(), quint16(2));
    // Selecting the same thread again (a click on its lane) highlights again.
    const int count = int(highlighted.count());
    panel.selectActor(3);
    QCOMPARE(highlighted.count(), count + 1);
    QCOMPARE(panel.selectedActor(), 3u);
}

void TestStepPanel::replayStatusShowsAndHides()
{
    StepPanel panel;
    panel.show();
    auto *label = panel.findChild<QLabel *>(QStringLiteral("replayStatus"));
    QVERIFY(label);
    QVERIFY(!label->isVisible());
    panel.setReplayStatus(QStringLiteral("Replaying schedule: step 1 of 4"));
    QVERIFY(label->isVisible());
    QCOMPARE(panel.replayStatus(), QStringLiteral("Replaying schedule: step 1 of 4"));
    panel.setReplayStatus({});
    QVERIFY(!label->isVisible());
}

void TestStepPanel::replayProgressIsStatedAsTheDriverReportsIt_data()
{
    using State = ReplayProgress::State;
    QTest::addColumn<ReplayProgress>("progress");
    QTest::addColumn<QString>("status");
    QTest::newRow("starting") << ReplayProgress {State::Replaying, 0, 12, false}
                              << QStringLiteral("Replaying schedule: step 0 of 12");
    QTest::newRow("replaying") << ReplayProgress {State::Replaying, 3, 12, false}
                               << QStringLiteral("Replaying schedule: step 3 of 12");
    QTest::newRow("user's turn") << ReplayProgress {
        State::Replayed, 12, 12,
        false} << QStringLiteral("Schedule replayed (12 steps); you are the scheduler again.");
    QTest::newRow("run over") << ReplayProgress {State::Replayed, 1, 1, true}
                              << QStringLiteral("Schedule replayed (1 step).");
    QTest::newRow("cancelled") << ReplayProgress {State::Stopped, 3, 12, true} << QString();
}

void TestStepPanel::replayProgressIsStatedAsTheDriverReportsIt()
{
    QFETCH(ReplayProgress, progress);
    QFETCH(QString, status);
    StepPanel panel;
    panel.setReplayStatus(QStringLiteral("before"));
    panel.showReplayProgress(progress);
    QCOMPARE(panel.replayStatus(), status);
    QVERIFY(!panel.replayStatusIsProblem());

    // A divergence's message is set by whoever explains it, and stays.
    panel.setReplayStatus(QStringLiteral("The replay left its schedule"), true);
    panel.showReplayProgress({ReplayProgress::State::Diverged, 3, 12, false});
    QCOMPARE(panel.replayStatus(), QStringLiteral("The replay left its schedule"));
    QVERIFY(panel.replayStatusIsProblem());
}

QTEST_MAIN(TestStepPanel)
#include "tst_steppanel.moc"
