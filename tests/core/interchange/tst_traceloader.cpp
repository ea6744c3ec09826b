// SPDX-License-Identifier: MIT
#include "core/interchange/traceloader.h"
#include "core/tracefile.h"
#include "tests/common/sampletrace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace weft;

namespace {
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}
} // namespace

class TestTraceLoader : public QObject
{
    Q_OBJECT
private slots:
    void nativeTraceIsDetectedByContent();
    void jsonTraceIsDetectedByContent();
    void badFilesGiveClearErrors_data();
    void badFilesGiveClearErrors();
    void cutRecordingLoadsWithAWarning();
    void directoryAndMissingFile();
    void warningsAreReported();
    void refusesDevicesFifosAndHugeFiles();
    void saveTraceChoosesTheFormatByName_data();
    void saveTraceChoosesTheFormatByName();
};

void TestTraceLoader::nativeTraceIsDetectedByContent()
{
    QTemporaryDir dir;
    const Trace trace = testsupport::makeSampleTrace().trace;
    // A native trace named .json still loads as native: content decides.
    const QString path = writeFile(dir, QStringLiteral("native.json"), TraceFile::serialize(trace));
    QString error;
    const auto loaded = loadTraceFile(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == trace);
}

void TestTraceLoader::jsonTraceIsDetectedByContent()
{
    QTemporaryDir dir;
    const QString path
        = writeFile(dir, QStringLiteral("trace.weft"),
                    R"({"traceEvents":[{"name":"a","ph":"X","ts":1,"dur":1,"pid":1,"tid":1}]})");
    QString error;
    qint64 lastDone = 0;
    const auto loaded
        = loadTraceFile(path, &error, [&](qint64 done, qint64, qint64) { lastDone = done; });
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->actorCount(), 1);
    QCOMPARE(loaded->metadata().title, QStringLiteral("trace.weft"));
    QVERIFY(lastDone > 0);
}

void TestTraceLoader::badFilesGiveClearErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << "the file is empty";
    QByteArray binary(4096, '\0');
    for (int i = 0; i < binary.size(); ++i)
        binary[i] = char((i * 7919 + 13) & 0xff);
    QTest::newRow("binary") << binary << "at byte 1: not a Chrome trace"; // byte 0 is a CR
    // Version 2 is one piece: cut, it is an error (a cut version 3 loads, below).
    QTest::newRow("truncated native")
        << TraceFile::serializeVersion2(testsupport::makeSampleTrace().trace).left(100)
        << "at byte";
    QTest::newRow("malformed json") << QByteArray(R"([{"ph":"X",,}])") << "malformed JSON";
}

void TestTraceLoader::badFilesGiveClearErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("bad.trace"), bytes);
    QString error;
    QVERIFY(!loadTraceFile(path, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestTraceLoader::cutRecordingLoadsWithAWarning()
{
    // A .weft of version 3 cut short (a killed recording): the whole blocks
    // load, and the warning reaches the caller's list.
    const QByteArray whole = TraceFile::serialize(testsupport::makeSampleTrace().trace);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("cut.weft"), whole.left(whole.size() - 20));
    QString error;
    QStringList warnings;
    const auto trace = loadTraceFile(path, &error, {}, nullptr, &warnings);
    QVERIFY2(trace, qPrintable(error));
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(
                 QStringLiteral("cut short after %1 event").arg(trace->events().size())),
             qPrintable(warnings.first()));
    const auto bytes
        = loadTraceBytes(whole.left(whole.size() - 20), &error, {}, nullptr, &warnings);
    QVERIFY2(bytes, qPrintable(error));
    QCOMPARE(warnings.size(), 1); // the list is this load's, as for Chrome JSON
}

void TestTraceLoader::directoryAndMissingFile()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!loadTraceFile(dir.path(), &error));
    QVERIFY2(error.contains(QLatin1String("directory")), qPrintable(error));
    QVERIFY(!loadTraceFile(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY2(error.contains(QLatin1String("no such file")), qPrintable(error));
}

void TestTraceLoader::warningsAreReported()
{
    QString error;
    QStringList warnings;
    const auto loaded = loadTraceBytes(
        QByteArrayView(
            R"([{"name":"a","ph":"B","ts":1,"pid":1,"tid":1},{"ph":"E","ts":2,"pid":1,"tid":2})"),
        &error, {}, nullptr, &warnings);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(warnings.size(), 2);
    QCOMPARE(loaded->outcome().value(QStringLiteral("warnings")), 2);
}

void TestTraceLoader::refusesDevicesFifosAndHugeFiles()
{
    // Issue 12: /dev/zero grew past 9.8 GB (readAll() when it cannot map);
    // a FIFO with no writer blocked --open forever.
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo.json"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QString huge = dir.filePath(QStringLiteral("huge.json"));
    {
        QFile file(huge);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(TraceFile::maxFileBytes() + 1)); // sparse: no disk used
    }
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY(!loadTraceFile(QStringLiteral("/dev/zero"), &error));
    QVERIFY2(error.contains(QStringLiteral("device")), qPrintable(error));
    QVERIFY(!loadTraceFile(fifo, &error));
    QVERIFY2(error.contains(QStringLiteral("FIFO")), qPrintable(error));
    QVERIFY(!loadTraceFile(huge, &error));
    QVERIFY2(error.contains(
                 QStringLiteral("up to %1 MB").arg(TraceFile::maxFileBytes() / (1024 * 1024))),
             qPrintable(error));
    QVERIFY(timer.elapsed() < 5000);
}

void TestTraceLoader::saveTraceChoosesTheFormatByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("json");
    QTest::newRow("json") << QStringLiteral("trace.json") << true;
    QTest::newRow("JSON") << QStringLiteral("trace.JSON") << true;
    QTest::newRow("weft") << QStringLiteral("trace.weft") << false;
    QTest::newRow("no extension") << QStringLiteral("trace") << false;
    QTest::newRow("json in the stem") << QStringLiteral("trace.json.weft") << false;
}

void TestTraceLoader::saveTraceChoosesTheFormatByName()
{
    QFETCH(QString, name);
    QFETCH(bool, json);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    const Trace trace = testsupport::makeSampleTrace().trace;
    QString error;
    QVERIFY2(saveTrace(trace, path, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray head = file.read(sizeof TraceFile::kMagic);
    const bool native = head == QByteArray(TraceFile::kMagic, sizeof TraceFile::kMagic);
    QCOMPARE(native, !json);
    if (json)
        QVERIFY(head.startsWith('{'));
    const auto loaded = loadTraceFile(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->actorCount(), trace.actorCount());
}

QTEST_GUILESS_MAIN(TestTraceLoader)
#include "tst_traceloader.moc"
