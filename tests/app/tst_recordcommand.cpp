// SPDX-License-Identifier: MIT
// `weft record` as a user types it: the real executable, real programs.
#include "core/tracefile.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace weft;

namespace {

QString weftExecutable()
{
    return qEnvironmentVariable("WEFT_EXECUTABLE");
}

QString fixture(const char *name)
{
    return QDir(QStringLiteral(WEFT_FIXTURE_DIR)).filePath(QLatin1String(name));
}

struct Result
{
    int exitCode = -1;
    QByteArray out, err;
};

Result weftRecord(const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.start(weftExecutable(), QStringList {QStringLiteral("record")} + arguments);
    Result result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

class TestRecordCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFileInfo::exists(weftExecutable())); }

    void exitStatusIsTheProgramsOwn()
    {
        const Result r = weftRecord({QStringLiteral("--"), QStringLiteral("/bin/sh"),
                                     QStringLiteral("-c"), QStringLiteral("exit 7")});
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.err.contains("exited with status 7"), r.err.constData());
    }

    void traceIsWrittenPrivateAndOpens()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("pingpong.weft"));
        const Result r = weftRecord(
            {QStringLiteral("-o"), out, QStringLiteral("--"), fixture("rec_mutex_pingpong")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QFileInfo(out).permissions()
                     & ~(QFile::ReadUser | QFile::WriteUser | QFile::ReadOwner | QFile::WriteOwner),
                 QFile::Permissions());
        QString error;
        const auto trace = TraceFile::load(out, &error);
        QVERIFY2(trace, qPrintable(error));
        QVERIFY(!trace->eventsOfKind(EventKind::LockAcquired).empty());
        QVERIFY(trace->metadata().title.contains(QStringLiteral("rec_mutex_pingpong")));
    }

    void missingCommandIs127()
    {
        const Result r = weftRecord({QStringLiteral("--"), QStringLiteral("no-such-command-weft")});
        QCOMPARE(r.exitCode, 127);
        QVERIFY2(r.err.contains("command not found"), r.err.constData());
    }

    void noCommandIsAUsageError()
    {
        const Result r = weftRecord({QStringLiteral("-o"), QStringLiteral("x.weft")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no command"));
    }

    void floodedStdoutArrivesWhole()
    {
        const Result r = weftRecord({QStringLiteral("--"), fixture("rec_flood")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 100000);
    }

    void exportsAPicture()
    {
        QTemporaryDir dir;
        const QString picture = dir.filePath(QStringLiteral("fork.png"));
        const Result r = weftRecord(
            {QStringLiteral("--export"), picture, QStringLiteral("--"), fixture("rec_fork_pipe")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo(picture).size() > 1000);
    }

    void terminatedWeftKeepsTheTraceSoFar()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("sleeper.weft"));
        QProcess process;
        // A first sleep is over (and recorded) before "ready" is printed.
        process.start(weftExecutable(),
                      {QStringLiteral("record"), QStringLiteral("-o"), out, QStringLiteral("--"),
                       QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                       QStringLiteral("sleep 0.1; echo ready; sleep 100")});
        QVERIFY(process.waitForStarted());
        QByteArray printed;
        QTRY_VERIFY_WITH_TIMEOUT((printed += process.readAllStandardOutput()).contains("ready"),
                                 20000);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 130);
        QString error;
        const auto trace = TraceFile::load(out, &error);
        QVERIFY2(trace, qPrintable(error));
        QCOMPARE(trace->outcome().status, Outcome::Status::Cancelled);
        QVERIFY(!trace->eventsOfKind(EventKind::SleepBegin).empty());
    }
};

QTEST_GUILESS_MAIN(TestRecordCommand)
#include "tst_recordcommand.moc"
