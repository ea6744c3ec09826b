// SPDX-License-Identifier: MIT
// Replays the fuzzers' corpora (tests/fuzz/corpus/<target>/) through both
// loaders in an ordinary build: each input gives a trace or a non-empty
// error, never a crash or a hang. The corpora hold only inputs the fuzzers
// ran without a finding, plus the reproducers of every crash that was fixed.
#include "core/interchange/chrometraceimporter.h"
#include "core/interchange/traceloader.h"
#include "core/tracefile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace weft;

class TestFuzzCorpus : public QObject
{
    Q_OBJECT
private slots:
    void everyInputLoadsOrFailsCleanly_data();
    void everyInputLoadsOrFailsCleanly();
};

void TestFuzzCorpus::everyInputLoadsOrFailsCleanly_data()
{
    QTest::addColumn<QString>("path");
    const QDir root(QStringLiteral(WEFT_FUZZ_CORPUS_DIR));
    QVERIFY2(root.exists(), WEFT_FUZZ_CORPUS_DIR);
    int files = 0;
    QDirIterator it(root.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QTest::newRow(qPrintable(root.relativeFilePath(path))) << path;
        ++files;
    }
    QVERIFY(files > 10);
}

void TestFuzzCorpus::everyInputLoadsOrFailsCleanly()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();

    QString error;
    const auto native = TraceFile::deserialize(bytes, &error);
    QVERIFY(native || !error.isEmpty());

    error.clear();
    ChromeTraceImporter importer;
    const auto imported
        = importer.import(std::string_view(bytes.constData(), std::size_t(bytes.size())), &error);
    QVERIFY(imported || !error.isEmpty());

    error.clear();
    const auto either = loadTraceBytes(QByteArrayView(bytes), &error);
    QVERIFY(either || !error.isEmpty());
}

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
