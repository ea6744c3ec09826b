// SPDX-License-Identifier: MIT
#include "core/derived/tracestates.h"
#include "core/interchange/chrometraceimporter.h"
#include "core/interchange/chrometracewriter.h"
#include "core/interchange/traceloader.h"
#include "core/runner.h"
#include "core/scenarios/threads/threadscenarios.h"
#include "core/tracebuilder.h"
#include "tests/common/chrometraceschema.h"
#include "tests/common/sampletrace.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;

namespace {
// The sample trace at a clock a second in: recorded clocks never start at 0, and
// a file must keep times relative to the first event.
Trace sampleTrace()
{
    return testsupport::makeSampleTrace(1'000'000'000).trace;
}

QByteArray exportJson(const Trace &trace)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ChromeTraceWriter writer(&buffer);
    if (!writer.write(trace))
        return {};
    return buffer.data();
}

// The export as another tool may pass it on: without the "weft_trace" record
// that makes Weft read the file from its args.weft records alone.
QByteArray withoutWeftTrace(const QByteArray &json)
{
    QJsonObject root = QJsonDocument::fromJson(json).object();
    QJsonArray events = root.value(QLatin1String("traceEvents")).toArray();
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events.at(i).toObject().value(QLatin1String("name")).toString()
            == QLatin1String("weft_trace"))
            events.removeAt(i--);
    }
    root.insert(QLatin1String("traceEvents"), events);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QJsonArray eventsOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object().value(QLatin1String("traceEvents")).toArray();
}

int countPhase(const QJsonArray &events, const QString &ph, const QString &cat = {})
{
    int n = 0;
    for (const QJsonValue v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("ph")).toString() == ph
            && (cat.isEmpty() || e.value(QLatin1String("cat")).toString() == cat))
            ++n;
    }
    return n;
}

std::size_t countKind(const Trace &trace, EventKind kind)
{
    return trace.eventsOfKind(kind).size();
}

QStringList laneNames(const Trace &trace)
{
    QStringList names;
    for (int a = 1; a <= trace.actorCount(); ++a)
        names << trace.actor(quint32(a)).name;
    return names;
}

Trace runThreadsCreate()
{
    const auto scenario = makeThreadsCreateScenario();
    QString error;
    const auto params
        = ParameterValues::fromAssignments(scenario->parameters(), {"delay_ms=2"}, &error);
    return params ? Runner::run(*scenario, *params) : Trace();
}
} // namespace

class TestChromeTraceWriter : public QObject
{
    Q_OBJECT
private slots:
    void sampleExportFollowsTheSchema();
    void sampleExportHasEveryIntervalAndArrow();
    void timestampsAreMicrosecondsWithFractions();
    void sampleRoundTripKeepsLanesSpansAndFlows();
    void realRunExportsAndRoundTrips();
    void saveChromeTraceWritesAFile();
    void schemaCheckerCatchesBrokenFiles();
    void extremeValuesExportWithoutOverflow();
    void aChannelWithAnOutsideEndNeverGoesNegative();
    void aWaitThatNeverEndsNestsInItsLane();
    void statesAreTheTimelinesStates();
};

void TestChromeTraceWriter::sampleExportFollowsTheSchema()
{
    const QByteArray json = exportJson(sampleTrace());
    QVERIFY(!json.isEmpty());
    const QStringList problems = testsupport::validateChromeTrace(json);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestChromeTraceWriter::sampleExportHasEveryIntervalAndArrow()
{
    const QJsonArray events = eventsOf(exportJson(sampleTrace()));
    // A life per lane, and the waits: main's join, A's sleep, B's lock, I/O and condition.
    QCOMPARE(countPhase(events, QStringLiteral("X"), QStringLiteral("state")), 3 + 5);
    QCOMPARE(countPhase(events, QStringLiteral("X"), QStringLiteral("phase")), 1);
    QCOMPARE(countPhase(events, QStringLiteral("b"), QStringLiteral("lock")), 2);
    QCOMPARE(countPhase(events, QStringLiteral("e"), QStringLiteral("lock")), 2);
    QCOMPARE(countPhase(events, QStringLiteral("s")), 9);
    QCOMPARE(countPhase(events, QStringLiteral("f")), 9);
    QCOMPARE(countPhase(events, QStringLiteral("i")), 3);
    QCOMPARE(countPhase(events, QStringLiteral("C")), 5);
    QStringList threadNames;
    QStringList states;
    QStringList flows;
    for (const QJsonValue v : events) {
        const QJsonObject e = v.toObject();
        const QString name = e.value(QLatin1String("name")).toString();
        if (name == QLatin1String("thread_name"))
            threadNames << e.value(QLatin1String("args"))
                               .toObject()
                               .value(QLatin1String("name"))
                               .toString();
        if (e.value(QLatin1String("cat")).toString() == QLatin1String("state"))
            states << name;
        if (e.value(QLatin1String("ph")).toString() == QLatin1String("s"))
            flows << name;
    }
    QCOMPARE(threadNames, (QStringList {"MainThread", "A", "B"}));
    for (const char *state : {"running", "sleeping", "blocked", "join", "I/O", "waiting"})
        QVERIFY2(states.contains(QLatin1String(state)), state);
    flows.sort();
    QCOMPARE(flows,
             (QStringList {"join", "join", "lock handoff", "message", "notify", "packet", "packet",
                           "spawn", "spawn"}));
}

void TestChromeTraceWriter::timestampsAreMicrosecondsWithFractions()
{
    const QByteArray json = exportJson(sampleTrace());
    // The first event (a second into the clock) is at 0; A starts 15 ns later.
    QVERIFY(json.contains("\"ts\":0.000"));
    QVERIFY(json.contains("\"ts\":0.015"));
    QVERIFY(json.contains("\"dur\":0.085")); // A lives 15..100 ns
    QVERIFY(!json.contains("\"ts\":1000000"));
}

void TestChromeTraceWriter::sampleRoundTripKeepsLanesSpansAndFlows()
{
    // Read as any Chrome trace (tst_chromeroundtrip reads it as Weft's own).
    const Trace original = sampleTrace();
    const QByteArray json = withoutWeftTrace(exportJson(original));
    ChromeTraceImporter importer;
    QString error;
    const auto imported
        = importer.import(std::string_view(json.constData(), std::size_t(json.size())), &error);
    QVERIFY2(imported, qPrintable(error));
    QCOMPARE(importer.warningCount(), 0);
    QCOMPARE(laneNames(*imported), laneNames(original));
    QCOMPARE(imported->process(1).pid, 4242);
    QCOMPARE(imported->process(1).name, QStringLiteral("weft"));
    // 8 states + 1 phase (X) + 2 lock holds (b/e).
    QCOMPARE(countKind(*imported, EventKind::SpanBegin), std::size_t(11));
    QCOMPARE(countKind(*imported, EventKind::SpanEnd), std::size_t(11));
    QCOMPARE(countKind(*imported, EventKind::MessageSend), std::size_t(9));
    QCOMPARE(countKind(*imported, EventKind::MessageRecv), std::size_t(9));
    QCOMPARE(countKind(*imported, EventKind::Print), std::size_t(1));
    QCOMPARE(countKind(*imported, EventKind::Mark), std::size_t(1));
    QCOMPARE(countKind(*imported, EventKind::Error), std::size_t(1));
    QCOMPARE(countKind(*imported, EventKind::CounterValue), std::size_t(5));
    const auto errors = imported->eventsOfKind(EventKind::Error);
    QCOMPARE(imported->text(errors.front().text), QStringLiteral("failed: \"quoted\"\n\ttab"));
    // Times survive to the nanosecond (relative to the first event).
    QCOMPARE(imported->endNs() - imported->startNs(), original.endNs() - original.startNs());
    for (const Event &e : imported->events())
        QVERIFY(e.flags & Imported);

    // Exporting the imported trace again gives the same number of lanes, spans and flows.
    const QJsonArray again = eventsOf(exportJson(*imported));
    const QJsonArray first = eventsOf(json);
    QCOMPARE(countPhase(again, QStringLiteral("s")), countPhase(first, QStringLiteral("s")));
    auto threadNames = [](const QJsonArray &events) {
        return std::count_if(events.begin(), events.end(), [](const QJsonValue &v) {
            return v.toObject().value(QLatin1String("name")).toString()
                == QLatin1String("thread_name");
        });
    };
    QCOMPARE(threadNames(again), threadNames(first));
}

void TestChromeTraceWriter::realRunExportsAndRoundTrips()
{
    const Trace trace = runThreadsCreate();
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const QByteArray json = exportJson(trace);
    const QStringList problems = testsupport::validateChromeTrace(json);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    const QJsonArray events = eventsOf(json);
    // Main spawns and joins three threads: six arrows at least.
    QVERIFY(countPhase(events, QStringLiteral("s")) >= 6);
    QCOMPARE(countPhase(events, QStringLiteral("i")), 3); // the three prints

    QString error;
    QStringList warnings;
    const QByteArray plain = withoutWeftTrace(json);
    const auto imported = loadTraceBytes(QByteArrayView(plain), &error, {}, nullptr, &warnings);
    QVERIFY2(imported, qPrintable(error));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    QCOMPARE(laneNames(*imported), laneNames(trace));
    QCOMPARE(countKind(*imported, EventKind::MessageSend),
             std::size_t(countPhase(events, QStringLiteral("s"))));
    QCOMPARE(countKind(*imported, EventKind::SpanBegin),
             std::size_t(countPhase(events, QStringLiteral("X"))
                         + countPhase(events, QStringLiteral("b"))));
    QCOMPARE(countKind(*imported, EventKind::Print), std::size_t(3));
}

void TestChromeTraceWriter::saveChromeTraceWritesAFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sample.json"));
    QString error;
    QVERIFY2(saveChromeTrace(sampleTrace(), path, &error), qPrintable(error));
    const auto loaded = loadTraceFile(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->actorCount(), 3);
    QVERIFY(!saveChromeTrace(sampleTrace(), dir.filePath(QStringLiteral("no/such/dir/x.json")),
                             &error));
    QVERIFY(error.contains(QLatin1String("x.json")));
}

void TestChromeTraceWriter::schemaCheckerCatchesBrokenFiles()
{
    // The checker itself must reject what Perfetto would: otherwise the tests above prove nothing.
    QVERIFY(!testsupport::validateChromeTrace(
                 "[{\"ph\":\"X\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":1}]")
                 .isEmpty());
    QVERIFY(
        !testsupport::validateChromeTrace(
             "[{\"ph\":\"s\",\"name\":\"a\",\"cat\":\"c\",\"id\":1,\"pid\":1,\"tid\":1,\"ts\":1}]")
             .isEmpty());
    QVERIFY(!testsupport::validateChromeTrace(
                 "[{\"ph\":\"i\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":\"1\"}]")
                 .isEmpty());
    QVERIFY(!testsupport::validateChromeTrace(
                 "[{\"ph\":\"X\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":10},"
                 "{\"ph\":\"X\",\"name\":\"b\",\"pid\":1,\"tid\":1,\"ts\":5,\"dur\":10}]")
                 .isEmpty());
    QVERIFY(!testsupport::validateChromeTrace(
                 "[{\"ph\":\"C\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":1,\"args\":{}}]")
                 .isEmpty());
    QVERIFY(testsupport::validateChromeTrace(
                "[{\"ph\":\"X\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":10},"
                "{\"ph\":\"X\",\"name\":\"b\",\"pid\":1,\"tid\":1,\"ts\":5,\"dur\":5}]")
                .isEmpty());
}

void TestChromeTraceWriter::extremeValuesExportWithoutOverflow()
{
    // Found by fuzz_native_load (UBSan): times 2^63 apart and byte counts near
    // the limits come from hostile files; the export must stay defined and valid.
    TraceBuilder b;
    const quint32 a1 = b.addActor({QStringLiteral("a"), 0, 0, false, false});
    const quint32 a2 = b.addActor({QStringLiteral("b"), 0, 0, false, false});
    const quint32 channel = b.addObject({QStringLiteral("c"), ObjectKind::Channel});
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    b.addEvent({kMin, kMax, a1, channel, 0, 0, EventKind::PacketSend, 0});
    b.addEvent({0, kMax, a1, channel, 0, 0, EventKind::PacketSend, 0});
    b.addEvent({1, kMax, a2, channel, 0, 0, EventKind::PacketRecv, 0});
    b.addEvent({kMax, kMin, a2, channel, 0, 0, EventKind::PacketRecv, 0});
    const QByteArray json = exportJson(b.build());
    QVERIFY(json.contains("\"ts\":18446744073709551.615"));
    QVERIFY(!QJsonDocument::fromJson(json).isNull());
}

void TestChromeTraceWriter::aChannelWithAnOutsideEndNeverGoesNegative()
{
    // socket.server with an outside client: the server's lane receives 100 and
    // 50 bytes on one channel (nobody here sent them) and replies 30 on another
    // (nobody here receives them); "in" and "out" travel between two lanes.
    TraceBuilder b;
    const quint32 server = b.addActor({QStringLiteral("server"), 0, 0, false, false});
    const quint32 client = b.addActor({QStringLiteral("client"), 0, 0, false, false});
    const quint32 fromOutside = b.addObject({QStringLiteral("from nc"), ObjectKind::Channel});
    const quint32 toOutside = b.addObject({QStringLiteral("to nc"), ObjectKind::Channel});
    const quint32 inside = b.addObject({QStringLiteral("inside"), ObjectKind::Channel});
    b.addEvent({10, 100, server, fromOutside, 0, 0, EventKind::PacketRecv, 0});
    b.addEvent({20, 30, server, toOutside, 0, 0, EventKind::PacketSend, 0});
    b.addEvent({30, 50, server, fromOutside, 0, 0, EventKind::PacketRecv, 0});
    b.addEvent({40, 8, client, inside, 0, 0, EventKind::PacketSend, 0});
    b.addEvent({50, 8, server, inside, 0, 0, EventKind::PacketRecv, 0});
    const QJsonArray events = eventsOf(exportJson(b.build()));
    QHash<QString, QList<qint64>> values; // counter name -> its values in order
    for (const QJsonValue v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("ph")).toString() == QLatin1String("C"))
            values[e.value(QLatin1String("name")).toString()] << qint64(
                e.value(QLatin1String("args")).toObject().value(QLatin1String("value")).toDouble());
    }
    QCOMPARE(values.value(QStringLiteral("from nc bytes (other end outside the trace)")),
             (QList<qint64> {100, 150}));
    QCOMPARE(values.value(QStringLiteral("to nc bytes (other end outside the trace)")),
             (QList<qint64> {30}));
    QCOMPARE(values.value(QStringLiteral("inside bytes in flight")), (QList<qint64> {8, 0}));
    QVERIFY(!values.contains(QStringLiteral("from nc bytes in flight")));
}

void TestChromeTraceWriter::aWaitThatNeverEndsNestsInItsLane()
{
    // locks.deadlock: a thread blocks for good, the detector marks its lane and
    // the main thread goes on. The lane must last to the end of the trace, not
    // to its last event (the mark), or the open wait would stick out of it.
    TraceBuilder b;
    const quint32 main = b.addActor({QStringLiteral("main"), 0, 0, true, false});
    const quint32 t1 = b.addActor({QStringLiteral("T1"), 0, 0, false, false});
    const quint32 lock = b.addObject({QStringLiteral("L2"), ObjectKind::Lock});
    b.addEvent({0, 0, main, 0, 0, 0, EventKind::ThreadStart, 0});
    b.addEvent({10, 0, t1, 0, 0, 0, EventKind::ThreadStart, 0});
    b.addEvent({20, 0, t1, lock, 0, 0, EventKind::LockWait, 0});
    b.addEvent({50, 0, t1, lock, 0, 0, EventKind::Mark, Abnormal});
    b.addEvent({100, 0, main, 0, 0, 0, EventKind::Mark, 0});
    const QByteArray json = exportJson(b.build());
    const QStringList problems = testsupport::validateChromeTrace(json);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    bool sawOpenWait = false;
    for (const QJsonValue v : eventsOf(json)) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("name")).toString() == QLatin1String("blocked")) {
            sawOpenWait = true;
            QVERIFY(e.value(QLatin1String("args"))
                        .toObject()
                        .value(QLatin1String("unfinished"))
                        .toBool());
        }
    }
    QVERIFY(sawOpenWait);
}

void TestChromeTraceWriter::statesAreTheTimelinesStates()
{
    // One derivation: every wait the export writes is a state span of
    // TraceStates, the timeline's reading, with the same times.
    const Trace trace = sampleTrace();
    const TraceStates states(trace, trace.endNs());
    QList<QPair<qint64, qint64>> derived;
    for (const TraceStates::Lane &lane : states.lanes())
        for (const StateSpan &span : lane.spans)
            if (span.state != LaneState::Running && span.state != LaneState::Finished)
                derived << qMakePair(span.startNs - trace.startNs(), span.endNs - span.startNs);
    QList<QPair<qint64, qint64>> written;
    for (const QJsonValue v : eventsOf(exportJson(trace))) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("cat")).toString() == QLatin1String("state")
            && e.value(QLatin1String("name")).toString() != QLatin1String("running"))
            written << qMakePair(qRound64(e.value(QLatin1String("ts")).toDouble() * 1000),
                                 qRound64(e.value(QLatin1String("dur")).toDouble() * 1000));
    }
    std::sort(derived.begin(), derived.end());
    std::sort(written.begin(), written.end());
    QVERIFY(!derived.isEmpty());
    QCOMPARE(written, derived);
}

QTEST_GUILESS_MAIN(TestChromeTraceWriter)
#include "tst_chrometracewriter.moc"
