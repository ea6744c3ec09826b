// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "ui/panels/codeeditor.h"
#include "ui/panels/codepanel.h"

#include <QTest>
#include <QTextBlock>

using namespace weft;
using namespace weft::ui;

// The fake source is embedded as ":/scenarios/fake/fakesource.cpp", exactly
// where the build embeds a real scenario's source.
class TestCodePanel : public QObject
{
    Q_OBJECT
private slots:
    void highlightsTheLineOfAnEventsSite();
    void switchesFileWhenTheSiteDoes();
    void missingSourceIsSaidNotHidden();
    void siteWithoutFileKeepsTheView();
};

void TestCodePanel::highlightsTheLineOfAnEventsSite()
{
    TraceBuilder builder;
    const quint32 actor = builder.addActor({QStringLiteral("worker"), 1, 0, false, false});
    const quint16 site = builder.addSite({QStringLiteral("fake/fakesource.cpp"), 5});
    Event event;
    event.timeNs = 100;
    event.actor = actor;
    event.kind = EventKind::Print;
    event.site = site;
    builder.addEvent(event);
    const Trace trace = builder.build();

    CodePanel panel;
    panel.showSite(trace.site(trace.events().front().site));
    QCOMPARE(panel.currentFile(), QStringLiteral("fake/fakesource.cpp"));
    QCOMPARE(panel.highlightedLine(), 5);
    QVERIFY(panel.text().contains(QStringLiteral("line 5 prints")));
    // The highlighted block really is line 5 of the file.
    const auto selections = panel.editor()->extraSelections();
    QCOMPARE(selections.size(), 1);
    QVERIFY(selections.first().cursor.block().text().contains(QStringLiteral("line 5 prints")));
}

void TestCodePanel::switchesFileWhenTheSiteDoes()
{
    CodePanel panel;
    panel.showSite({QStringLiteral("fake/fakesource.cpp"), 3});
    QCOMPARE(panel.highlightedLine(), 3);
    panel.showSite({QStringLiteral("fake/fakesource.cpp"), 1});
    QCOMPARE(panel.highlightedLine(), 1);
    QCOMPARE(panel.editor()->extraSelections().first().cursor.block().blockNumber(), 0);
}

void TestCodePanel::missingSourceIsSaidNotHidden()
{
    CodePanel panel;
    panel.showSite({QStringLiteral("nowhere/missing.cpp"), 12});
    QVERIFY(panel.currentFile().isEmpty());
    QVERIFY(panel.text().isEmpty());
    QCOMPARE(panel.highlightedLine(), 0);
}

void TestCodePanel::siteWithoutFileKeepsTheView()
{
    CodePanel panel;
    panel.showSite({QStringLiteral("fake/fakesource.cpp"), 4});
    panel.showSite({});
    QCOMPARE(panel.currentFile(), QStringLiteral("fake/fakesource.cpp"));
    QCOMPARE(panel.highlightedLine(), 4);
}

QTEST_MAIN(TestCodePanel)
#include "tst_codepanel.moc"
