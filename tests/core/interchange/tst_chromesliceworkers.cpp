// SPDX-License-Identifier: MIT
#include "core/interchange/chromeeventconverter.h"
#include "core/interchange/chromesliceworkers.h"
#include "core/interchange/chrometraceimporter.h"

#include <QTest>

using namespace weft;

// Declared before the helpers: moc stops at their raw string literals.
class TestChromeSliceWorkers : public QObject
{
    Q_OBJECT
private slots:
    void anyWorkerCountGivesTheSameTrace_data();
    void anyWorkerCountGivesTheSameTrace();
    void trickyInputsGiveTheSameResult_data();
    void trickyInputsGiveTheSameResult();
    void malformedSliceGivesTheSameError_data();
    void malformedSliceGivesTheSameError();
    void cancelStops();
    void defaultCountIsAtLeastOne();
};

namespace {
struct Result
{
    std::optional<Trace> trace;
    QString error;
    qint64 warningCount = 0;
    QStringList warnings;
};

Result importWith(const QByteArray &json, int workers, std::size_t sliceBytes)
{
    ChromeTraceImporter importer;
    importer.setWorkers(workers);
    importer.setSliceBytes(sliceBytes);
    Result r;
    r.trace
        = importer.import(std::string_view(json.constData(), std::size_t(json.size())), &r.error);
    r.warningCount = importer.warningCount();
    r.warnings = importer.warnings();
    return r;
}

// Every kind of event the converter handles, with names and args that hold
// "}," and nested values, so that many guessed cuts are wrong and redone.
QByteArray mixedTrace(int events)
{
    QByteArray json = R"({"otherData":{"a":[{"b":"},"}]},"traceEvents":[)";
    json += R"({"ph":"M","name":"thread_name","pid":1,"tid":2,"args":{"name":"main"}})";
    for (int i = 0; i < events; ++i) {
        const QByteArray ts = QByteArray::number(i * 3 + 1);
        const QByteArray tid = QByteArray::number(i % 5);
        const QByteArray pid = QByteArray::number(1 + i % 2);
        json += ",\n";
        switch (i % 8) {
        case 0:
            json += R"({"name":"task},{)" + QByteArray::number(i % 13) + R"(","ph":"X","ts":)" + ts
                + R"(,"dur":2,"pid":)" + pid + R"(,"tid":)" + tid + R"(,"args":{"n":)"
                + QByteArray::number(i) + R"(,"deep":{"x":[1,{"y":"},"}]}}})";
            break;
        case 1:
            json += R"({"name":"b","ph":"B","ts":)" + ts + R"(,"pid":)" + pid + R"(,"tid":)" + tid
                + R"(,"args":{"k":"v"}},{"ph":"E","ts":)" + ts + R"(.5,"pid":)" + pid + R"(,"tid":)"
                + tid + "}";
            break;
        case 2:
            json += R"({"name":"heap","ph":"C","ts":)" + ts + R"(,"pid":)" + pid
                + R"(,"args":{"used":)" + QByteArray::number(i * 7) + "}}";
            break;
        case 3:
            json += R"({"name":"post","cat":"f","ph":"s","id":)" + QByteArray::number(i)
                + R"(,"ts":)" + ts + R"(,"pid":)" + pid + R"(,"tid":)" + tid
                + R"(},{"name":"post","cat":"f","ph":"f","id":)" + QByteArray::number(i)
                + R"(,"ts":)" + ts + R"(.7,"pid":)" + pid + R"(,"tid":"t"})";
            break;
        case 4:
            json += R"({"name":"mark\"},{\"","ph":"i","ts":)" + ts + R"(,"pid":"p","tid":)" + tid
                + "}";
            break;
        case 5:
            json += R"({"name":"load","cat":"net","ph":"b","id":"0x)" + QByteArray::number(i % 4)
                + R"(","ts":)" + ts + R"(,"pid":)" + pid + R"(,"tid":)" + tid
                + R"(},{"name":"load","cat":"net","ph":"e","id":"0x)" + QByteArray::number(i % 4)
                + R"(","ts":)" + ts + R"(.9,"pid":)" + pid + R"(,"tid":)" + tid + "}";
            break;
        case 6:
            // Problems that give warnings, in order.
            json += R"({"name":"odd","ph":"Q","ts":)" + ts + R"(,"pid":1,"tid":1},{"ph":"E","ts":)"
                + ts + R"(,"pid":9,"tid":9},{"name":"bad","ph":"X","ts":"x","pid":1,"tid":1})";
            break;
        default:
            json += R"({"name":"名前 )" + QByteArray::number(i % 17) + R"(","ph":"X","ts":)" + ts
                + R"(,"dur":1,"pid":)" + pid + R"(,"tid":)" + tid + "}";
            break;
        }
    }
    json += "]}";
    return json;
}

void compareTraces(const Trace &got, const Trace &expected)
{
    QCOMPARE(got.events().size(), expected.events().size());
    for (std::size_t i = 0; i < got.events().size(); ++i) {
        if (!(got.events()[i] == expected.events()[i]))
            QFAIL(qPrintable(QStringLiteral("event %1 differs").arg(i)));
    }
    QCOMPARE(got.stringCount(), expected.stringCount());
    for (int id = 1; id <= got.stringCount(); ++id)
        QCOMPARE(got.text(quint32(id)), expected.text(quint32(id)));
    QCOMPARE(got.actorCount(), expected.actorCount());
    for (int id = 1; id <= got.actorCount(); ++id)
        QCOMPARE(got.actor(quint32(id)).name, expected.actor(quint32(id)).name);
    QCOMPARE(got.processCount(), expected.processCount());
    QCOMPARE(got.objectCount(), expected.objectCount());
    for (int id = 1; id <= got.objectCount(); ++id)
        QCOMPARE(got.object(quint32(id)).name, expected.object(quint32(id)).name);
    QCOMPARE(got.outcome().summary, expected.outcome().summary);
}
} // namespace

void TestChromeSliceWorkers::anyWorkerCountGivesTheSameTrace_data()
{
    QTest::addColumn<std::size_t>("sliceBytes");
    QTest::newRow("tiny slices, many wrong guesses") << std::size_t(97);
    QTest::newRow("4 KiB slices") << std::size_t(4096);
    QTest::newRow("default slices") << ChromeTraceImporter::kSliceBytes;
}

void TestChromeSliceWorkers::anyWorkerCountGivesTheSameTrace()
{
    QFETCH(std::size_t, sliceBytes);
    const QByteArray json = mixedTrace(20000);
    const Result reference = importWith(json, 0, sliceBytes);
    QVERIFY2(reference.trace, qPrintable(reference.error));
    QVERIFY(reference.trace->events().size() > 20000);
    QVERIFY(reference.warningCount > 0);
    for (const int workers : {1, 2, 4}) {
        const Result r = importWith(json, workers, sliceBytes);
        QVERIFY2(r.trace, qPrintable(r.error));
        compareTraces(*r.trace, *reference.trace);
        QCOMPARE(r.warningCount, reference.warningCount);
        QCOMPARE(r.warnings, reference.warnings);
    }
}

void TestChromeSliceWorkers::trickyInputsGiveTheSameResult_data()
{
    QTest::addColumn<QByteArray>("json");
    // From tst_chrometraceimporter's slice tests (several found by the fuzzers).
    QTest::newRow("nested and quoted cuts") << QByteArray(
        R"([{"name":"a}, {","ph":"X","ts":1,"dur":2,"pid":1,"tid":2,"args":{"x":{"y":[1,{"z":"},"}]}}},
        {"name":"b","ph":"B","ts":1.5,"pid":1,"tid":2},  {"ph":"E","ts":2,"pid":1,"tid":2} ,
        {"name":"c","ph":"C","ts":3,"pid":1,"tid":2,"args":{"v":1}},{"name":"d","ph":"i","ts":4,"pid":"p","tid":"t"}])");
    QTest::newRow("missing comma, junk never closes") << QByteArray(
        R"([{"name":"a","ph":"i","ts":1,"pid":1,"tid":1},{"name":"b","ph":"i","ts":2,"pid":1,"tid":2}[[[[{"x":"}},{"}],"ts":3,"pid":1}]})");
    QTest::newRow("escaped quote outside a string") << QByteArray(
        R"([{"ph":"i","ts":1,"pid":1,"tid":1,"name":"a"},{"name":"x","0dur":2\","pe":"a","ph":"i","ts":2,"pid":1,"tid":2},{"ph":"i","ts":3,"pid":1,"tid":3,"name":"c"}])");
    QTest::newRow("parse error before a scanner error") << QByteArray(
        R"([{"ph":"E","ts":5,"pid":1$%,"tid":1},{"ph":"B","name":"x","ts":"5","pid":1,"tid":1},"ph":"E","tsd":1$%,"tid":1}])");
    QTest::newRow("two commas") << QByteArray(
        R"([{"name":"ctr","ph":"C","ts":"0x10"},,#{a"d"cat":"net","pd2":l:6}}])");
    QTest::newRow("truncated") << mixedTrace(300).chopped(30);
}

void TestChromeSliceWorkers::trickyInputsGiveTheSameResult()
{
    QFETCH(QByteArray, json);
    for (const std::size_t slice : {1, 3, 7, 16, 40, 100}) {
        const Result reference = importWith(json, 0, slice);
        for (const int workers : {1, 2, 4}) {
            const Result r = importWith(json, workers, slice);
            const QString where = QStringLiteral("slice %1, %2 workers").arg(slice).arg(workers);
            QVERIFY2(bool(r.trace) == bool(reference.trace), qPrintable(where));
            QCOMPARE(r.error, reference.error);
            if (r.trace) {
                QVERIFY2(r.trace->events() == reference.trace->events(), qPrintable(where));
                QCOMPARE(r.warnings, reference.warnings);
            }
        }
    }
}

void TestChromeSliceWorkers::malformedSliceGivesTheSameError_data()
{
    QTest::addColumn<QByteArray>("bad"); // replaces one event deep in the file
    QTest::addColumn<QString>("expected");
    QTest::newRow("bad literal") << QByteArray(R"({"name":"x","ph":"i","ts":tru,"pid":1,"tid":1})")
                                 << "malformed JSON";
    QTest::newRow("invalid UTF-8")
        << QByteArray("{\"name\":\"\xff\xfe\",\"ph\":\"i\",\"ts\":1}") << "not valid UTF-8";
    QTest::newRow("stray brace") << QByteArray(R"({"name":"x","ph":"i"}})") << "unexpected '}'";
}

void TestChromeSliceWorkers::malformedSliceGivesTheSameError()
{
    QFETCH(QByteArray, bad);
    QFETCH(QString, expected);
    QByteArray json = mixedTrace(4000);
    const QByteArray anchor = R"({"name":"heap","ph":"C","ts":6007,)"; // event 2002
    const qsizetype at = json.indexOf(anchor);
    QVERIFY(at > 0);
    json.insert(at, bad + ",");
    const Result reference = importWith(json, 0, 2048);
    QVERIFY(!reference.trace);
    QVERIFY2(reference.error.contains(expected), qPrintable(reference.error));
    QVERIFY2(reference.error.startsWith(QLatin1String("at byte ")), qPrintable(reference.error));
    for (const int workers : {1, 2, 4}) {
        for (const std::size_t slice : {std::size_t(512), std::size_t(2048)}) {
            const Result r = importWith(json, workers, slice);
            QVERIFY(!r.trace);
            QCOMPARE(r.error, reference.error);
        }
    }
}

void TestChromeSliceWorkers::cancelStops()
{
    const QByteArray json = mixedTrace(20000);
    const std::string_view view(json.constData(), std::size_t(json.size()));
    for (const int workers : {0, 2}) {
        std::atomic_bool cancel {false};
        qint64 reports = 0;
        ChromeTraceImporter importer;
        importer.setWorkers(workers);
        importer.setSliceBytes(4096);
        importer.setCancelFlag(&cancel);
        // Cancelled after the first slice: the rest is never converted.
        importer.setProgress([&](qint64, qint64, qint64) {
            ++reports;
            cancel = true;
        });
        QString error;
        QVERIFY(!importer.import(view, &error));
        QVERIFY2(error.contains(QLatin1String("cancelled")), qPrintable(error));
        QCOMPARE(reports, qint64(1));
    }
    // The workers themselves, cancelled before they start, convert nothing.
    std::atomic_bool cancel {true};
    ChromeTraceScanner scanner(view);
    QVERIFY(scanner.start());
    ChromeEventConverter converter;
    ChromeSliceWorkers workers(2);
    QCOMPARE(workers.workers(), 2);
    workers.setCancelFlag(&cancel);
    QString problem;
    ChromeTraceScanner::Slice failed;
    QCOMPARE(workers.run(view, scanner, converter, 4096, &problem, &failed),
             ChromeSliceWorkers::Result::Cancelled);
    QCOMPARE(converter.eventCount(), std::size_t(0));
}

void TestChromeSliceWorkers::defaultCountIsAtLeastOne()
{
    if (qEnvironmentVariableIsSet("WEFT_IMPORT_THREADS"))
        QSKIP("WEFT_IMPORT_THREADS overrides the count");
    QVERIFY(ChromeSliceWorkers::defaultCount() >= 1);
}

QTEST_GUILESS_MAIN(TestChromeSliceWorkers)
#include "tst_chromesliceworkers.moc"
