// SPDX-License-Identifier: MIT
#include "core/derived/traceslices.h"
#include "core/interchange/chrometraceimporter.h"
#include "core/tracebuilder.h"

#include <QFile>
#include <QTest>
#include <limits>

using namespace weft;

namespace {
Trace importJson(const QByteArray &json, const QString &what)
{
    ChromeTraceImporter importer;
    QString error;
    std::optional<Trace> trace
        = importer.import(std::string_view(json.constData(), std::size_t(json.size())), &error);
    if (!trace)
        qFatal("%s does not import: %s", qPrintable(what), qPrintable(error));
    return *trace;
}

Trace importFixture(const QString &name)
{
    QFile file(QStringLiteral(WEFT_SLICE_FIXTURES "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return importJson(file.readAll(), name);
}

// "name@depth" for every slice of a lane, in the order the derivation gives them.
QStringList rowsOf(const Trace &trace, const TraceSlices &slices, quint32 actor)
{
    QStringList rows;
    for (const TraceSlices::Slice &s : slices.slices())
        if (s.actor == actor)
            rows << QStringLiteral("%1@%2").arg(trace.text(s.text)).arg(s.depth);
    return rows;
}

const TraceSlices::Slice *find(const Trace &trace, const TraceSlices &slices, const QString &name)
{
    for (const TraceSlices::Slice &s : slices.slices())
        if (trace.text(s.text) == name)
            return &s;
    return nullptr;
}
} // namespace

class TestTraceSlices : public QObject
{
    Q_OBJECT
private slots:
    void clangTimeTraceNestsByTimeNotByFileOrder();
    void aSliceKeepsItsArgs();
    void nodeAsyncSlicesTakeRowsBelowTheNestedOnes();
    void scenarioPhasesPairInTimeAndAnOpenOneRunsToTheEnd();
    void siblingsThatTouchShareARow();
    void aDurationPastTheTraceEndsWithTheTrace();
};

void TestTraceSlices::clangTimeTraceNestsByTimeNotByFileOrder()
{
    // clang writes a slice when it ends, children before their parents, and a
    // parent often begins in the same microsecond as its first child.
    const Trace trace = importFixture(QStringLiteral("clang-time-trace.json"));
    const TraceSlices slices(trace);
    const quint32 clang = trace.findActor(QStringLiteral("clang++"));
    QVERIFY(clang != 0);
    QCOMPARE(rowsOf(trace, slices, clang),
             (QStringList {"ExecuteCompiler@0", "Frontend@1", "Source@2", "Source@3",
                           "ParseClass@2", "Backend@1"}));
    // Durations to the microsecond of the file.
    const TraceSlices::Slice *frontend = find(trace, slices, QStringLiteral("Frontend"));
    QVERIFY(frontend);
    QCOMPARE(frontend->endNs - frontend->beginNs, qint64(4100) * 1000);
    const TraceSlices::Slice *total = find(trace, slices, QStringLiteral("Total ExecuteCompiler"));
    QVERIFY(total);
    QCOMPARE(total->endNs - total->beginNs, qint64(5901) * 1000);
    QCOMPARE(total->depth, 0);
    QVERIFY(total->actor != clang);
    for (const TraceSlices::Slice &s : slices.slices()) {
        QVERIFY(!s.unfinished);
        QCOMPARE(trace.events()[std::size_t(s.beginEvent)].kind, EventKind::SpanBegin);
        QCOMPARE(trace.events()[std::size_t(s.beginEvent)].text, s.text);
    }
}

void TestTraceSlices::aSliceKeepsItsArgs()
{
    const Trace clang = importFixture(QStringLiteral("clang-time-trace.json"));
    const TraceSlices slices(clang);
    const TraceSlices::Slice *parse = find(clang, slices, QStringLiteral("ParseClass"));
    QVERIFY(parse);
    QCOMPARE(TraceSlices::argsOf(clang, parse->beginEvent), QStringLiteral("detail: Widget"));
    const TraceSlices::Slice *total = find(clang, slices, QStringLiteral("Total ExecuteCompiler"));
    QVERIFY(total);
    QCOMPARE(TraceSlices::argsOf(clang, total->beginEvent), QStringLiteral("count: 1\navg ms: 5"));
    const TraceSlices::Slice *frontend = find(clang, slices, QStringLiteral("Frontend"));
    QVERIFY(frontend);
    QCOMPARE(TraceSlices::argsOf(clang, frontend->beginEvent), QString());

    // B and E each bring args (Perfetto shows them together); a nested slice
    // ending at the same moment keeps its own; a huge one is cut.
    const QByteArray json = R"([
        {"ph":"B","name":"outer","pid":1,"tid":1,"ts":10,"args":{"url":"/a","size":1.5}},
        {"ph":"B","name":"inner","pid":1,"tid":1,"ts":12,"args":{"step":2}},
        {"ph":"E","pid":1,"tid":1,"ts":20,"args":{"status":"ok"}},
        {"ph":"E","pid":1,"tid":1,"ts":20,"args":{"bytes":4096}},
        {"ph":"X","name":"big","pid":1,"tid":1,"ts":30,"dur":1,"args":{"blob":")"
        + QByteArray(5000, 'x') + R"("}}])";
    const Trace trace = importJson(json, QStringLiteral("B/E args"));
    const TraceSlices own(trace);
    QCOMPARE(TraceSlices::argsOf(trace, find(trace, own, QStringLiteral("outer"))->beginEvent),
             QStringLiteral("url: /a\nsize: 1.5\nbytes: 4096"));
    QCOMPARE(TraceSlices::argsOf(trace, find(trace, own, QStringLiteral("inner"))->beginEvent),
             QStringLiteral("step: 2\nstatus: ok"));
    const QString big
        = TraceSlices::argsOf(trace, find(trace, own, QStringLiteral("big"))->beginEvent);
    QVERIFY2(big.size() > 1000 && big.size() < 1100 && big.endsWith(QChar(0x2026)),
             qPrintable(big.left(40)));
    // Not a slice's begin: no args.
    QCOMPARE(TraceSlices::argsOf(trace, -1), QString());
    QCOMPARE(TraceSlices::argsOf(trace, int(trace.events().size())), QString());
}

void TestTraceSlices::nodeAsyncSlicesTakeRowsBelowTheNestedOnes()
{
    const Trace trace = importFixture(QStringLiteral("node-trace.log"));
    const TraceSlices slices(trace);
    const quint32 main = trace.findActor(QStringLiteral("JavaScriptMainThread"));
    QVERIFY(main != 0);
    // The async Timeout overlaps the nested GC slice: it goes under it, and its
    // callback (same async id, inside it) one row further down.
    QCOMPARE(rowsOf(trace, slices, main),
             (QStringList {"V8.DeserializeIsolate@0", "Timeout@1", "V8.GCScavenger@0",
                           "Timeout_CALLBACK@2"}));
    const TraceSlices::Slice *timeout = find(trace, slices, QStringLiteral("Timeout"));
    QVERIFY(timeout && timeout->object != 0);
    QCOMPARE(timeout->endNs - timeout->beginNs, qint64(14314417265 - 14314395350) * 1000);
}

void TestTraceSlices::scenarioPhasesPairInTimeAndAnOpenOneRunsToTheEnd()
{
    // A scenario's phases carry no duration: begin and end pair up in time.
    TraceBuilder builder;
    const quint32 actor = builder.addActor(ActorInfo {});
    auto add = [&](EventKind kind, qint64 t, const QString &name) {
        Event e;
        e.kind = kind;
        e.timeNs = t;
        e.actor = actor;
        e.text = name.isEmpty() ? 0 : builder.intern(name);
        builder.addEvent(e);
    };
    add(EventKind::SpanBegin, 100, QStringLiteral("outer"));
    add(EventKind::SpanBegin, 150, QStringLiteral("inner"));
    add(EventKind::SpanEnd, 180, {});
    add(EventKind::SpanEnd, 300, {});
    add(EventKind::SpanBegin, 400, QStringLiteral("open"));
    add(EventKind::Print, 900, QStringLiteral("last"));
    const Trace trace = builder.build();
    const TraceSlices slices(trace);
    QCOMPARE(rowsOf(trace, slices, actor), (QStringList {"outer@0", "inner@1", "open@0"}));
    const TraceSlices::Slice *inner = find(trace, slices, QStringLiteral("inner"));
    QCOMPARE(inner->beginNs, 150);
    QCOMPARE(inner->endNs, 180);
    const TraceSlices::Slice *outer = find(trace, slices, QStringLiteral("outer"));
    QCOMPARE(outer->endNs, 300);
    const TraceSlices::Slice *open = find(trace, slices, QStringLiteral("open"));
    QVERIFY(open->unfinished);
    QCOMPARE(open->endNs, trace.endNs());
}

void TestTraceSlices::siblingsThatTouchShareARow()
{
    // Frontend ends in the microsecond Backend begins: siblings, not parent and child.
    const QByteArray json = R"([{"ph":"X","pid":1,"tid":1,"ts":0,"dur":10,"name":"A"},
        {"ph":"X","pid":1,"tid":1,"ts":10,"dur":5,"name":"B"},
        {"ph":"X","pid":1,"tid":1,"ts":10,"dur":0,"name":"C"}])";
    const Trace trace = importJson(json, QStringLiteral("three touching slices"));
    const TraceSlices slices(trace);
    QCOMPARE(rowsOf(trace, slices, slices.slices().front().actor),
             (QStringList {"A@0", "B@0", "C@1"}));
}

void TestTraceSlices::aDurationPastTheTraceEndsWithTheTrace()
{
    // A damaged file's duration may be anything (found by fuzz_render: begin +
    // duration overflowed and the slice reached past every time Weft draws).
    TraceBuilder builder;
    const quint32 actor = builder.addActor(ActorInfo {});
    Event begin;
    begin.kind = EventKind::SpanBegin;
    begin.timeNs = 100;
    begin.actor = actor;
    begin.value = std::numeric_limits<qint64>::max() - 50;
    begin.text = builder.intern(QStringLiteral("huge"));
    builder.addEvent(begin);
    Event print;
    print.kind = EventKind::Print;
    print.timeNs = 900;
    print.actor = actor;
    builder.addEvent(print);
    const Trace trace = builder.build();
    const TraceSlices slices(trace);
    const TraceSlices::Slice *huge = find(trace, slices, QStringLiteral("huge"));
    QVERIFY(huge);
    QCOMPARE(huge->endNs, 900);
    QVERIFY(TraceSlices::argsOf(trace, 0).isEmpty());
}

QTEST_GUILESS_MAIN(TestTraceSlices)
#include "tst_traceslices.moc"
