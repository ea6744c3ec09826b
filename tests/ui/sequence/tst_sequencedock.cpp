// SPDX-License-Identifier: MIT
// The Sequence Diagram panel in the main window: View ▸ Sequence Diagram shows
// it, a click on a row steps the timeline to that event, a step in the
// timeline highlights the row.
#include "core/derived/sequencediagram.h"
#include "tests/common/fakescenario.h"
#include "tests/common/sampletrace.h"
#include "ui/mainwindow.h"
#include "ui/models/eventdetailsmodel.h"
#include "ui/panels/eventdetailspanel.h"
#include "ui/panels/windowactions.h"
#include "ui/sequence/sequencedock.h"
#include "ui/sequence/sequenceview.h"
#include "ui/timeline/playback.h"
#include "ui/timeline/timelineview.h"

#include <QAction>
#include <QStandardPaths>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestSequenceDock : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void aClickedRowIsTheWindowsSelectedEvent();
};

void TestSequenceDock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings must not touch the user's files
}

void TestSequenceDock::aClickedRowIsTheWindowsSelectedEvent()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.setInteractiveErrors(false);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *action = window.windowActions()->sequenceDiagram;
    QVERIFY(!action->isEnabled()); // nothing shown yet

    const testsupport::SampleTrace sample = testsupport::makeSampleTrace();
    window.showTrace(sample.trace);
    QVERIFY(action->isEnabled());
    QVERIFY(!window.sequenceDock()->isVisible());
    action->trigger();
    QTRY_VERIFY(window.sequenceDock()->isVisible());

    SequenceView *view = window.sequenceDock()->view();
    const SequenceDiagram &diagram = *view->diagram();
    // The last row: the second piece of the 10-byte send, received by B.
    const std::size_t last = diagram.items().size() - 1;
    const SequenceDiagram::Item &item = diagram.items()[last];
    const SequenceLayout::Row &row = view->diagramLayout()->rows()[last];
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      QPoint(int(row.arrow.center().x()), int(row.band.center().y())));

    const auto &events = sample.trace.events();
    QCOMPARE(window.eventDetailsPanel()->model()->eventIndex(), int(item.fromEvent));
    QCOMPARE(window.timelineView()->selectedLane(), events[item.fromEvent].actor);
    QCOMPARE(window.playback()->playhead(), events[item.toEvent].timeNs);
    QCOMPARE(view->selectedItem(), int(last));

    // A step in the replay to the message's receive highlights the message's row.
    const int messageRow = 0;
    const std::size_t receive = diagram.items()[std::size_t(messageRow)].toEvent;
    window.playback()->setPlayhead(events[receive].timeNs);
    QCOMPARE(window.playback()->currentEventIndex(), int(receive));
    QCOMPARE(view->selectedItem(), messageRow);
}

QTEST_MAIN(TestSequenceDock)
#include "tst_sequencedock.moc"
