// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "tests/common/liveseries.h"
#include "ui/panels/outputconsole.h"

#include <QTest>
#include <QTextBlock>

using namespace weft;
using namespace weft::ui;

namespace {

// Two threads print three lines at 10, 20 and 30 ns.
Trace threePrints()
{
    TraceBuilder builder;
    const quint32 a = builder.addActor({QStringLiteral("alpha"), 1, 0, true, false});
    const quint32 b = builder.addActor({QStringLiteral("beta"), 2, 0, false, false});
    builder.addEvent(
        {10, 0, a, 0, builder.intern(QStringLiteral("one")), 0, EventKind::Print, NoFlags});
    builder.addEvent(
        {20, 0, b, 0, builder.intern(QStringLiteral("two")), 0, EventKind::Print, NoFlags});
    builder.addEvent(
        {30, 0, a, 0, builder.intern(QStringLiteral("three")), 0, EventKind::Print, NoFlags});
    return builder.build();
}

// The foreground the console shows at the start of line `block`, extra selections included.
QColor shownColor(const OutputConsole &console, int block)
{
    const QTextBlock line = console.document()->findBlockByNumber(block);
    const int position = line.position() + line.length() - 2; // inside the printed text
    for (const QTextEdit::ExtraSelection &s : console.extraSelections()) {
        if (s.cursor.selectionStart() <= position && position < s.cursor.selectionEnd())
            return s.format.foreground().color();
    }
    QTextCursor cursor(line);
    cursor.setPosition(position + 1);
    return cursor.charFormat().foreground().color();
}

} // namespace

class TestOutputConsole : public QObject
{
    Q_OBJECT
private slots:
    void showsEveryLineWithItsThread();
    void dimsWhatThePlayheadHasNotReached();
    void keepsTheLastLinesOfALongRun();
    void aGrowingLiveTraceAddsOnlyItsNewLines();
    void aLiveSeriesIsReadFromItsNewEventsOnly();
};

void TestOutputConsole::showsEveryLineWithItsThread()
{
    OutputConsole console;
    console.setTrace(threePrints());
    QCOMPARE(console.lineCount(), 3);
    QCOMPARE(console.document()->findBlockByNumber(1).text(), QStringLiteral("[beta] two"));
    QCOMPARE(console.shownLineCount(), 3);
}

void TestOutputConsole::dimsWhatThePlayheadHasNotReached()
{
    OutputConsole console;
    console.setTrace(threePrints());
    const QColor dim = console.palette().color(QPalette::Disabled, QPalette::Text);
    console.setPlayhead(20); // "one" and "two" have happened, "three" not yet
    QCOMPARE(console.shownLineCount(), 2);
    QCOMPARE(shownColor(console, 2), dim);
    QVERIFY(shownColor(console, 1) != dim);
    console.setPlayhead(5); // before every print
    QCOMPARE(console.shownLineCount(), 0);
    QCOMPARE(shownColor(console, 0), dim);
    console.setPlayhead(1000); // the end: nothing dimmed
    QCOMPARE(console.shownLineCount(), 3);
    QVERIFY(console.extraSelections().isEmpty());
}

void TestOutputConsole::keepsTheLastLinesOfALongRun()
{
    // More lines than the console keeps: the first ones have scrolled away,
    // the count and the playhead still know every line.
    constexpr int kPrinted = OutputConsole::kMaxLines + 500;
    TraceBuilder builder;
    const quint32 a = builder.addActor({QStringLiteral("alpha"), 1, 0, true, false});
    for (int i = 0; i < kPrinted; ++i)
        builder.addEvent({10 * (i + 1), 0, a, 0, builder.intern(QString::number(i)), 0,
                          EventKind::Print, NoFlags});
    OutputConsole console;
    console.setTrace(builder.build());
    QCOMPARE(console.lineCount(), kPrinted);
    QCOMPARE(console.document()->blockCount(), OutputConsole::kMaxLines);
    QCOMPARE(console.document()->firstBlock().text(), QStringLiteral("[alpha] 500"));
    QCOMPARE(console.document()->lastBlock().text(),
             QStringLiteral("[alpha] %1").arg(kPrinted - 1));
    // The playhead after line 1000 (printed at 10010 ns): the lines from 1001 on are dimmed.
    const QColor dim = console.palette().color(QPalette::Disabled, QPalette::Text);
    console.setPlayhead(10010);
    QCOMPARE(console.shownLineCount(), 1001);
    QCOMPARE(shownColor(console, 1001 - 500), dim);
    QVERIFY(shownColor(console, 1000 - 500) != dim);
}

void TestOutputConsole::aGrowingLiveTraceAddsOnlyItsNewLines()
{
    // Snapshots of a live run as Recorder::liveSnapshot() gives them: the lines
    // shown stay (their blocks too: a mark left on the first survives), the new
    // ones follow; a line that lands among the old ones renders all again.
    TraceBuilder builder;
    const quint32 a = builder.addActor({QStringLiteral("alpha"), 1, 0, true, false});
    const quint32 b = builder.addActor({QStringLiteral("beta"), 2, 0, false, false});
    auto print = [&](qint64 t, quint32 actor, const QString &text) {
        builder.addEvent({t, 0, actor, 0, builder.intern(text), 0, EventKind::Print, NoFlags});
    };
    print(10, a, QStringLiteral("one"));
    print(20, b, QStringLiteral("two"));
    OutputConsole console;
    const Trace first = builder.build();
    console.setTrace(first);
    console.document()->firstBlock().setUserState(42);

    TraceBuilder grown;
    grown.copyTablesOf(first);
    std::vector<Event> events = first.events();
    events.push_back(
        {30, 0, a, 0, grown.intern(QStringLiteral("three")), 0, EventKind::Print, NoFlags});
    grown.setEvents(std::vector<Event>(events));
    const Trace withThree = grown.build();
    console.setTrace(withThree);
    QCOMPARE(console.lineCount(), 3);
    QCOMPARE(console.document()->blockCount(), 3);
    QCOMPARE(console.document()->lastBlock().text(), QStringLiteral("[alpha] three"));
    QCOMPARE(console.document()->firstBlock().userState(), 42); // added to, not rendered again

    TraceBuilder late;
    late.copyTablesOf(withThree);
    events.insert(events.begin() + 1,
                  {15, 0, b, 0, late.intern(QStringLiteral("late")), 0, EventKind::Print, NoFlags});
    late.setEvents(std::move(events));
    console.setTrace(late.build());
    QCOMPARE(console.lineCount(), 4);
    QCOMPARE(console.document()->findBlockByNumber(1).text(), QStringLiteral("[beta] late"));
    QCOMPARE(console.document()->lastBlock().text(), QStringLiteral("[alpha] three"));
    QCOMPARE(console.document()->firstBlock().userState(), -1); // rendered again
}

void TestOutputConsole::aLiveSeriesIsReadFromItsNewEventsOnly()
{
    // Snapshots that keep the events of the one before (TraceLineage): the
    // console reads only what each one adds.
    const Trace whole = threePrints();
    const std::vector<Trace> series = testsupport::liveSeries(whole, {1, 2});
    OutputConsole console;
    for (const Trace &snapshot : series)
        console.setTrace(snapshot);
    QCOMPARE(console.lineCount(), 3);
    QCOMPARE(console.document()->lastBlock().text(), QStringLiteral("[alpha] three"));

    // A snapshot claiming to keep the first two events while it does not: read
    // from its third event only, the first line stays as it was. (What proves
    // the old events were not read again; a real series never lies.)
    console.clearOutput();
    console.setTrace(series[1]);
    TraceBuilder liar;
    liar.copyTablesOf(whole);
    std::vector<Event> events = whole.events();
    events[0].text = liar.intern(QStringLiteral("rewritten"));
    liar.setEvents(std::move(events));
    liar.setLineage(series[2].lineage());
    console.setTrace(liar.buildInTimeOrder());
    QCOMPARE(console.lineCount(), 3);
    QCOMPARE(console.document()->firstBlock().text(), QStringLiteral("[alpha] one"));
    // A trace of no series is read whole.
    console.setTrace(whole);
    QCOMPARE(console.document()->firstBlock().text(), QStringLiteral("[alpha] one"));
    QCOMPARE(console.lineCount(), 3);
}

QTEST_MAIN(TestOutputConsole)
#include "tst_outputconsole.moc"
