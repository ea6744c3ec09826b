// SPDX-License-Identifier: MIT
#include "core/derived/sequencediagram.h"
#include "core/tracebuilder.h"
#include "tests/common/sampletrace.h"
#include "ui/sequence/sequencedock.h"
#include "ui/sequence/sequenceview.h"

#include <QAction>
#include <QMainWindow>
#include <QSignalSpy>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestSequenceView : public QObject
{
    Q_OBJECT
private slots:
    void clickingARowSelectsItsEvent();
    void anEventSelectedElsewhereHighlightsItsRow();
    void theActionIsDisabledWithAReasonWithoutSockets();
};

void TestSequenceView::clickingARowSelectsItsEvent()
{
    const testsupport::SampleTrace sample = testsupport::makeSampleTrace();
    SequenceView view;
    view.resize(700, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTrace(sample.trace);
    QVERIFY(view.diagramLayout());
    QSignalSpy clicked(&view, &SequenceView::eventClicked);
    const SequenceDiagram &diagram = *view.diagram();
    for (std::size_t i = 0; i < diagram.items().size(); ++i) {
        const SequenceLayout::Row &row = view.diagramLayout()->rows()[i];
        const QPoint at(int(row.arrow.center().x()), int(row.band.center().y()));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.takeFirst().at(0).toInt(), int(diagram.items()[i].fromEvent));
        QCOMPARE(view.selectedItem(), int(i));
    }
    // The names on top are no row.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.diagramLayout()->headers().front().box.center().toPoint());
    QCOMPARE(clicked.size(), 0);
}

void TestSequenceView::anEventSelectedElsewhereHighlightsItsRow()
{
    const testsupport::SampleTrace sample = testsupport::makeSampleTrace();
    SequenceView view;
    view.resize(700, 500);
    view.setTrace(sample.trace);
    const SequenceDiagram &diagram = *view.diagram();
    const std::size_t last = diagram.items().size() - 1;
    // The receive selects the row as well as the send does.
    view.setSelectedEvent(int(diagram.items()[last].toEvent));
    QCOMPARE(view.selectedItem(), int(last));
    view.setSelectedEvent(0); // MainThread starts: no row
    QCOMPARE(view.selectedItem(), -1);
}

void TestSequenceView::theActionIsDisabledWithAReasonWithoutSockets()
{
    QMainWindow window;
    QAction action(QStringLiteral("Sequence Diagram"));
    action.setToolTip(QStringLiteral("Show it"));
    SequenceDock dock(&action, &window);
    dock.setTrace(testsupport::makeSampleTrace().trace);
    QVERIFY(action.isEnabled());
    QCOMPARE(action.toolTip(), QStringLiteral("Show it"));

    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    const quint32 actor = builder.addActor({QStringLiteral("t"), 1, process, true, false});
    builder.addEvent({1, 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
    dock.setTrace(builder.build());
    QVERIFY(!action.isEnabled());
    QVERIFY2(action.toolTip().contains(QStringLiteral("no sockets or messages")),
             qPrintable(action.toolTip()));
    dock.setTrace(Trace());
    QVERIFY(!action.isEnabled());
}

QTEST_MAIN(TestSequenceView)
#include "tst_sequenceview.moc"
