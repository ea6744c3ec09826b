// SPDX-License-Identifier: MIT
#include "core/derived/tracearrows.h"
#include "core/derived/traceslices.h"
#include "core/derived/tracestates.h"
#include "core/interchange/chrometracewriter.h"
#include "core/interchange/traceloader.h"
#include "core/process/process.h"
#include "core/scenarios/catalogue.h"
#include "tests/common/chrometraceschema.h"
#include "tests/common/sampletrace.h"
#include "tests/common/scenariorun.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    return writer.write(trace) ? buffer.data() : QByteArray();
}

// How many times each event of the trace travels in the file's args.weft and args.weft_end.
std::vector<int> carriedCounts(const QByteArray &json, std::size_t eventCount)
{
    std::vector<int> counts(eventCount, 0);
    const QJsonArray events
        = QJsonDocument::fromJson(json).object().value(QLatin1String("traceEvents")).toArray();
    for (const QJsonValue v : events) {
        const QJsonObject args = v.toObject().value(QLatin1String("args")).toObject();
        for (const char *key : {"weft", "weft_end"}) {
            const QJsonValue record = args.value(QLatin1String(key));
            if (!record.isObject())
                continue;
            const qint64 place = record.toObject().value(QLatin1String("n")).toInteger(-1);
            if (place >= 0 && place < qint64(eventCount))
                ++counts[std::size_t(place)];
        }
    }
    return counts;
}

// Compares what both traces mean: lanes, every event (texts by value), and
// what the timeline and the export derive from them, lane by lane. Stops at
// the first difference with a message that names it.
QString firstDifference(const Trace &a, const Trace &b)
{
    if (a.actorCount() != b.actorCount())
        return QStringLiteral("lanes: %1 vs %2").arg(a.actorCount()).arg(b.actorCount());
    for (int i = 1; i <= a.actorCount(); ++i) {
        if (!(a.actor(quint32(i)) == b.actor(quint32(i))))
            return QStringLiteral("lane %1 differs (%2 vs %3)")
                .arg(i)
                .arg(a.actor(quint32(i)).name, b.actor(quint32(i)).name);
    }
    if (a.processCount() != b.processCount())
        return QStringLiteral("processes: %1 vs %2").arg(a.processCount()).arg(b.processCount());
    for (int i = 1; i <= a.processCount(); ++i) {
        if (!(a.process(quint32(i)) == b.process(quint32(i))))
            return QStringLiteral("process %1 differs").arg(i);
    }
    if (a.objectCount() != b.objectCount())
        return QStringLiteral("objects: %1 vs %2").arg(a.objectCount()).arg(b.objectCount());
    for (int i = 1; i <= a.objectCount(); ++i) {
        if (!(a.object(quint32(i)) == b.object(quint32(i))))
            return QStringLiteral("object %1 differs").arg(i);
    }
    for (int i = 1; i <= a.siteCount(); ++i) {
        if (!(a.site(quint16(i)) == b.site(quint16(i))))
            return QStringLiteral("site %1 differs").arg(i);
    }
    const auto &ea = a.events();
    const auto &eb = b.events();
    if (ea.size() != eb.size())
        return QStringLiteral("events: %1 vs %2").arg(ea.size()).arg(eb.size());
    for (std::size_t i = 0; i < ea.size(); ++i) {
        const Event &x = ea[i];
        const Event &y = eb[i];
        if (x.timeNs != y.timeNs || x.value != y.value || x.actor != y.actor || x.object != y.object
            || x.site != y.site || x.kind != y.kind || x.flags != y.flags
            || a.text(x.text) != b.text(y.text))
            return QStringLiteral("event %1 (%2) differs")
                .arg(i)
                .arg(QLatin1String(eventKindName(x.kind)));
    }

    // The derived model, lane by lane.
    const TraceStates sa(a, a.endNs());
    const TraceStates sb(b, b.endNs());
    for (std::size_t l = 0; l < sa.lanes().size(); ++l) {
        const TraceStates::Lane &x = sa.lanes()[l];
        const TraceStates::Lane &y = sb.lanes()[l];
        if (x.actor != y.actor || x.startNs != y.startNs || x.endNs != y.endNs
            || x.finished != y.finished || x.killed != y.killed || x.statesKnown != y.statesKnown)
            return QStringLiteral("lane %1: life differs").arg(l);
        if (x.spans.size() != y.spans.size() || x.locks.size() != y.locks.size())
            return QStringLiteral("lane %1: %2/%3 states, %4/%5 lock holds")
                .arg(l)
                .arg(x.spans.size())
                .arg(y.spans.size())
                .arg(x.locks.size())
                .arg(y.locks.size());
        for (std::size_t k = 0; k < x.spans.size(); ++k) {
            const StateSpan &p = x.spans[k];
            const StateSpan &q = y.spans[k];
            if (p.startNs != q.startNs || p.endNs != q.endNs || p.state != q.state
                || p.ended != q.ended || p.object != q.object)
                return QStringLiteral("lane %1: state %2 differs").arg(l).arg(k);
        }
        for (std::size_t k = 0; k < x.locks.size(); ++k) {
            const LockBand &p = x.locks[k];
            const LockBand &q = y.locks[k];
            if (p.startNs != q.startNs || p.endNs != q.endNs || p.lock != q.lock
                || p.released != q.released)
                return QStringLiteral("lane %1: lock hold %2 differs").arg(l).arg(k);
        }
    }
    const TraceArrows aa(a);
    const TraceArrows ab(b);
    if (aa.arrows().size() != ab.arrows().size())
        return QStringLiteral("arrows: %1 vs %2").arg(aa.arrows().size()).arg(ab.arrows().size());
    for (std::size_t k = 0; k < aa.arrows().size(); ++k) {
        const auto &p = aa.arrows()[k];
        const auto &q = ab.arrows()[k];
        if (p.kind != q.kind || p.from != q.from || p.to != q.to || p.bytes != q.bytes)
            return QStringLiteral("arrow %1 (%2) differs")
                .arg(k)
                .arg(QLatin1String(TraceArrows::kindName(p.kind)));
    }
    const TraceSlices la(a);
    const TraceSlices lb(b);
    if (la.slices().size() != lb.slices().size())
        return QStringLiteral("slices: %1 vs %2").arg(la.slices().size()).arg(lb.slices().size());
    for (std::size_t k = 0; k < la.slices().size(); ++k) {
        const auto &p = la.slices()[k];
        const auto &q = lb.slices()[k];
        if (p.beginNs != q.beginNs || p.endNs != q.endNs || p.actor != q.actor || p.depth != q.depth
            || p.unfinished != q.unfinished || a.text(p.text) != b.text(q.text))
            return QStringLiteral("slice %1 differs").arg(k);
    }
    if (!(a.metadata() == b.metadata()))
        return QStringLiteral("metadata (scenario, title, parameters or outcome) differs");
    return {};
}

void checkRoundTrip(const Trace &original)
{
    QVERIFY(!original.isEmpty());
    const QByteArray json = exportJson(original);
    QVERIFY(!json.isEmpty());
    // Valid for Perfetto: well nested, flows paired and bound to a slice.
    const QStringList problems = testsupport::validateChromeTrace(json);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 5).join(QLatin1Char('\n'))));
    // Every event travels exactly once.
    const std::vector<int> counts = carriedCounts(json, original.events().size());
    for (std::size_t i = 0; i < counts.size(); ++i)
        QVERIFY2(counts[i] == 1,
                 qPrintable(QStringLiteral("event %1 (%2) travels %3 times")
                                .arg(i)
                                .arg(QLatin1String(eventKindName(original.events()[i].kind)))
                                .arg(counts[i])));
    QString error;
    QStringList warnings;
    const auto imported = loadTraceBytes(QByteArrayView(json), &error, {}, nullptr, &warnings);
    QVERIFY2(imported, qPrintable(error));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    const QString difference = firstDifference(original, *imported);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}
} // namespace

class TestChromeRoundTrip : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void theSampleTraceComesBackTheSame();
    void everyScenarioComesBackTheSame_data();
    void everyScenarioComesBackTheSame();
    void aDamagedRecordIsSkippedWithAWarning();
};

void TestChromeRoundTrip::initTestCase()
{
    Process::setWorkerExecutable(qEnvironmentVariable("WEFT_EXECUTABLE"));
}

void TestChromeRoundTrip::theSampleTraceComesBackTheSame()
{
    checkRoundTrip(sampleTrace());
}

void TestChromeRoundTrip::everyScenarioComesBackTheSame_data()
{
    QTest::addColumn<QString>("id");
    // The Python lessons run a real interpreter under the recording library:
    // tests/core/scenarios/python checks them (label "record").
    for (const Scenario *scenario : catalogue().all())
        if (scenario->language() == SourceLanguage::Cpp)
            QTest::newRow(qPrintable(scenario->id())) << scenario->id();
}

void TestChromeRoundTrip::everyScenarioComesBackTheSame()
{
    QFETCH(QString, id);
    const Scenario *scenario = catalogue().find(id);
    QVERIFY(scenario);
    checkRoundTrip(testsupport::runWith(*scenario, {}));
}

void TestChromeRoundTrip::aDamagedRecordIsSkippedWithAWarning()
{
    QByteArray json = exportJson(sampleTrace());
    const qsizetype at = json.indexOf("\"k\":\"print\"");
    QVERIFY(at > 0);
    json.replace(at, 11, "\"k\":\"prin!\"");
    QString error;
    QStringList warnings;
    const auto imported = loadTraceBytes(QByteArrayView(json), &error, {}, nullptr, &warnings);
    QVERIFY2(imported, qPrintable(error));
    QCOMPARE(imported->events().size(), sampleTrace().events().size() - 1);
    QVERIFY(imported->eventsOfKind(EventKind::Print).empty());
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.front().contains(QLatin1String("prin!")), qPrintable(warnings.front()));
}

QTEST_GUILESS_MAIN(TestChromeRoundTrip)
#include "tst_chromeroundtrip.moc"
