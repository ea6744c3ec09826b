#include "core/tracefile.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;

// Drives the real `weft` executable, as a user at a terminal would.
class TestCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void listNamesScenarios();
    void runWritesTraceAndSummary();
    void badInputExitsWithMessage_data();
    void badInputExitsWithMessage();
    void openRejectsMalformedTrace();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result weft(const QStringList &arguments);
    QString m_executable;
    QTemporaryDir m_dir;
};

void TestCommandLine::initTestCase()
{
    m_executable = qEnvironmentVariable("WEFT_EXECUTABLE");
    QVERIFY2(!m_executable.isEmpty(), "WEFT_EXECUTABLE must point at the weft binary");
}

TestCommandLine::Result TestCommandLine::weft(const QStringList &arguments)
{
    QProcess process;
    process.start(m_executable, arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCommandLine::listNamesScenarios()
{
    const Result r = weft({QStringLiteral("--list")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("threads.create")), qPrintable(r.out));
}

void TestCommandLine::runWritesTraceAndSummary()
{
    const QString path = m_dir.filePath(QStringLiteral("create.weft"));
    const Result r = weft({QStringLiteral("--run"), QStringLiteral("threads.create"),
                           QStringLiteral("--param"), QStringLiteral("delay_ms=1"),
                           QStringLiteral("--trace-out"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(QStringLiteral("Outcome (completed)")));
    QVERIFY(r.out.contains(QStringLiteral("delay_ms=1")));
    QString error;
    const auto trace = TraceFile::load(path, &error);
    QVERIFY2(trace, qPrintable(error));
    QCOMPARE(trace->metadata().scenarioId, QStringLiteral("threads.create"));
    QCOMPARE(trace->eventsOfKind(EventKind::Print).size(), std::size_t(3));
}

void TestCommandLine::badInputExitsWithMessage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown id") << QStringList{"--run", "threads.nope"} << 2 << "unknown scenario 'threads.nope'";
    QTest::newRow("unknown param") << QStringList{"--run", "threads.create", "--param", "colour=red"} << 2 << "unknown parameter 'colour'";
    QTest::newRow("param out of range") << QStringList{"--run", "threads.create", "--param", "threads=100000"} << 2 << "between 1 and 64";
    QTest::newRow("bad option") << QStringList{"--frobnicate"} << 2 << "frobnicate";
    QTest::newRow("param without run") << QStringList{"--param", "x=1"} << 2 << "need --run";
    QTest::newRow("bad timeout") << QStringList{"--run", "threads.create", "--timeout", "-5"} << 2 << "--timeout";
    QTest::newRow("unwritable trace") << QStringList{"--run", "threads.create", "--param", "delay_ms=0", "--trace-out", "/nonexistent/dir/x.weft"} << 3 << "cannot write";
    QTest::newRow("timeout") << QStringList{"--run", "threads.create", "--param", "delay_ms=10000", "--timeout", "200"} << 1 << "Timed out";
}

void TestCommandLine::badInputExitsWithMessage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Result r = weft(arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2((r.err + r.out).contains(message), qPrintable(r.err + r.out));
}

void TestCommandLine::openRejectsMalformedTrace()
{
    const QString path = m_dir.filePath(QStringLiteral("garbage.weft"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a trace");
    file.close();
    const Result r = weft({QStringLiteral("--open"), path, QStringLiteral("--export"), m_dir.filePath(QStringLiteral("x.png"))});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QStringLiteral("at byte 0: not a Chrome trace")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
