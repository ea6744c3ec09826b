// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "core/tracefile.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace weft;

// Drives the real `weft` executable, as a user at a terminal would.
class TestCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void listNamesScenarios();
    void runWritesTraceAndSummary();
    void openConvertsBetweenWeftAndJson();
    void conversionAndExportNeedNoDisplay();
    void badInputExitsWithMessage_data();
    void badInputExitsWithMessage();
    void openRejectsMalformedTrace();
    void openPrintsTheImportersWarnings();
    void replayRerunsWithTheFilesSchedule();
    void replayRejectsBadInput();
    void replayReportsDivergence();
    void replayToAnotherHostNeedsAllowRemote();
    void signalCancelsRunAndKeepsTrace_data();
    void signalCancelsRunAndKeepsTrace();
    void killedRunLeavesATraceCutShort();
    void hugeParameterIsEchoedCut();
    void peerReplyReachesTerminalEscaped();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // `environment`: the process's own, when empty.
    Result weft(const QStringList &arguments,
                const QProcessEnvironment &environment = QProcessEnvironment());
    // A threads.create run saved with the given schedule.
    QString savedRun(const QString &name, const std::optional<Schedule> &schedule);
    QString m_executable;
    QTemporaryDir m_dir;
};

void TestCommandLine::initTestCase()
{
    m_executable = qEnvironmentVariable("WEFT_EXECUTABLE");
    QVERIFY2(!m_executable.isEmpty(), "WEFT_EXECUTABLE must point at the weft binary");
}

TestCommandLine::Result TestCommandLine::weft(const QStringList &arguments,
                                              const QProcessEnvironment &environment)
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
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

void TestCommandLine::openConvertsBetweenWeftAndJson()
{
    const QString weftPath = savedRun(QStringLiteral("convert.weft"), std::nullopt);
    QVERIFY(!weftPath.isEmpty());
    const QString jsonPath = m_dir.filePath(QStringLiteral("convert.json"));
    const QString backPath = m_dir.filePath(QStringLiteral("back.weft"));
    Result r = weft({QStringLiteral("--open"), weftPath, QStringLiteral("--trace-out"), jsonPath});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(jsonPath));
    r = weft({QStringLiteral("--open"), jsonPath, QStringLiteral("--trace-out"), backPath});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    // .weft -> JSON -> .weft is the same run (docs/trace-format.md, args.weft).
    QString error;
    const auto original = TraceFile::load(weftPath, &error);
    QVERIFY2(original, qPrintable(error));
    const auto back = TraceFile::load(backPath, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->events().size(), original->events().size());
    QCOMPARE(back->metadata().scenarioId, QStringLiteral("threads.create"));
    for (std::size_t i = 0; i < original->events().size(); ++i) {
        const Event &a = original->events()[i];
        const Event &b = back->events()[i];
        QCOMPARE(b.timeNs, a.timeNs);
        QCOMPARE(b.kind, a.kind);
        QCOMPARE(b.actor, a.actor);
        QCOMPARE(back->text(b.text), original->text(a.text));
    }
    // Nothing to convert to: an unwritable name is an error, not a window.
    r = weft({QStringLiteral("--open"), weftPath, QStringLiteral("--trace-out"),
              m_dir.filePath(QStringLiteral("missing/dir/x.json"))});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QStringLiteral("weft:")), qPrintable(r.err));
}

// Over SSH, with no display: converting a file opens no window, and an export
// paints offscreen however its file is given (`--export=x.png` too).
void TestCommandLine::conversionAndExportNeedNoDisplay()
{
    const QString weftPath = savedRun(QStringLiteral("nodisplay.weft"), std::nullopt);
    QVERIFY(!weftPath.isEmpty());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("WEFT_NO_HUGE_PAGES"), QStringLiteral("1"));
    const QString jsonPath = m_dir.filePath(QStringLiteral("nodisplay.json"));
    Result r = weft({QStringLiteral("--open"), weftPath, QStringLiteral("--trace-out"), jsonPath},
                    environment);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(QFileInfo(jsonPath).size() > 0);
    const QString pngPath = m_dir.filePath(QStringLiteral("nodisplay.png"));
    r = weft({QStringLiteral("--open"), weftPath, QStringLiteral("--export=") + pngPath},
             environment);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QFile png(pngPath);
    QVERIFY(png.open(QIODevice::ReadOnly));
    QVERIFY(png.read(8).startsWith("\x89PNG"));
}

void TestCommandLine::badInputExitsWithMessage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown id") << QStringList {"--run", "threads.nope"} << 2
                                << "unknown scenario 'threads.nope'";
    QTest::newRow("unknown param")
        << QStringList {"--run", "threads.create", "--param", "colour=red"} << 2
        << "unknown parameter 'colour'";
    QTest::newRow("param out of range")
        << QStringList {"--run", "threads.create", "--param", "threads=100000"} << 2
        << "between 1 and 64";
    QTest::newRow("bad option") << QStringList {"--frobnicate"} << 2 << "frobnicate";
    QTest::newRow("param without run") << QStringList {"--param", "x=1"} << 2 << "need --run";
    QTest::newRow("bad timeout") << QStringList {"--run", "threads.create", "--timeout", "-5"} << 2
                                 << "--timeout";
    QTest::newRow("unwritable trace")
        << QStringList {"--run",      "threads.create", "--param",
                        "delay_ms=0", "--trace-out",    "/nonexistent/dir/x.weft"}
        << 3 << "cannot write";
    QTest::newRow("timeout") << QStringList {"--run",          "threads.create", "--param",
                                             "delay_ms=10000", "--timeout",      "200"}
                             << 1 << "Timed out";
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
    const Result r = weft({QStringLiteral("--open"), path, QStringLiteral("--export"),
                           m_dir.filePath(QStringLiteral("x.png"))});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QStringLiteral("at byte 0: not a Chrome trace")), qPrintable(r.err));
}

void TestCommandLine::openPrintsTheImportersWarnings()
{
    // Seven events the importer repairs or skips, one it keeps.
    QByteArray json = R"([{"ph":"X","ts":1,"dur":-5,"pid":1,"tid":1,"name":"kept"})";
    for (int i = 0; i < 7; ++i)
        json += R"(,{"ph":"E","ts":3,"pid":1,"tid":1})";
    json += "]";
    const QString path = m_dir.filePath(QStringLiteral("repaired.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    const Result r = weft({QStringLiteral("--open"), path, QStringLiteral("--export"),
                           m_dir.filePath(QStringLiteral("r.png"))});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QStringLiteral("problems that did not stop the load: 8")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("at byte 1: negative duration")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("at byte 58: E (end) without a matching B")),
             qPrintable(r.err));
    // The first five, then how many more.
    QCOMPARE(r.err.count(QStringLiteral("at byte")), 5);
    QVERIFY2(r.err.contains(QStringLiteral("and 3 more")), qPrintable(r.err));
}

QString TestCommandLine::savedRun(const QString &name, const std::optional<Schedule> &schedule)
{
    QString path = m_dir.filePath(name);
    const Result r = weft({QStringLiteral("--run"), QStringLiteral("threads.create"),
                           QStringLiteral("--param"), QStringLiteral("delay_ms=1"),
                           QStringLiteral("--trace-out"), path});
    if (r.exitCode != 0)
        return {};
    if (schedule) {
        QString error;
        const auto trace = TraceFile::load(path, &error);
        if (!trace || !TraceFile::save(trace->withSchedule(*schedule), path, &error))
            return {};
    }
    return path;
}

void TestCommandLine::replayRerunsWithTheFilesSchedule()
{
    // The original left step mode at once: the replay runs free, with the file's parameters.
    Schedule schedule;
    schedule.setLeftStepMode(true);
    const QString path = savedRun(QStringLiteral("stepped.weft"), schedule);
    QVERIFY(!path.isEmpty());
    const QString out = m_dir.filePath(QStringLiteral("replayed.weft"));
    const Result r = weft({QStringLiteral("--replay"), path, QStringLiteral("--trace-out"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("threads.create")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("delay_ms=1")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Replayed 0 recorded step")), qPrintable(r.out));
    QString error;
    const auto trace = TraceFile::load(out, &error);
    QVERIFY2(trace, qPrintable(error));
    QVERIFY(trace->schedule().leftStepMode());
    QCOMPARE(trace->eventsOfKind(EventKind::Print).size(), std::size_t(3));
    // --run naming the same scenario is accepted too.
    QCOMPARE(weft({QStringLiteral("--run"), QStringLiteral("threads.create"),
                   QStringLiteral("--replay"), path})
                 .exitCode,
             0);
    const Result help = weft({QStringLiteral("--help")});
    QVERIFY(help.out.contains(QStringLiteral("--replay")));
}

void TestCommandLine::replayRejectsBadInput()
{
    const QString plain = savedRun(QStringLiteral("plain.weft"), std::nullopt);
    QVERIFY(!plain.isEmpty());
    Result r = weft({QStringLiteral("--replay"), plain});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QStringLiteral("holds no schedule")), qPrintable(r.err));

    r = weft({QStringLiteral("--replay"), m_dir.filePath(QStringLiteral("missing.weft"))});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QStringLiteral("cannot open")), qPrintable(r.err));

    const QString garbage = m_dir.filePath(QStringLiteral("garbage-replay.weft"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("WEFTTRC1\x02\0\0\0junk");
    file.close();
    r = weft({QStringLiteral("--replay"), garbage});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QStringLiteral("at byte")), qPrintable(r.err));

    Schedule schedule;
    schedule.setLeftStepMode(true);
    const QString stepped = savedRun(QStringLiteral("stepped2.weft"), schedule);
    r = weft({QStringLiteral("--run"), QStringLiteral("threads.join"), QStringLiteral("--replay"),
              stepped});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("recorded from scenario 'threads.create'")),
             qPrintable(r.err));
}

void TestCommandLine::replayReportsDivergence()
{
    Schedule schedule;
    schedule.append({1, EventKind::SocketOp, 0}); // threads.create never touches a socket
    const QString path = savedRun(QStringLiteral("diverging.weft"), schedule);
    QVERIFY(!path.isEmpty());
    // By default a diverged replay is stopped (issue 12) ...
    Result r = weft({QStringLiteral("--replay"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("diverged")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("Outcome (cancelled)")), qPrintable(r.out));
    // ... and runs on freely when asked to (still exit 1: not reproduced).
    r = weft({QStringLiteral("--replay"), path, QStringLiteral("--continue-on-divergence")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("diverged")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("Outcome (completed)")), qPrintable(r.out));
}

void TestCommandLine::replayToAnotherHostNeedsAllowRemote()
{
    // A shared socket.client run whose parameters name another host: the
    // replay must not connect there on the file's say-so. (Nothing connects:
    // the refusal comes before the run.)
    auto savedClient = [&](const QString &name, const QString &host) {
        TraceBuilder b;
        const quint32 actor = b.addActor({QStringLiteral("MainThread"), 1, 0, true, false});
        b.addEvent({1, 0, actor, 0, 0, 0, EventKind::ThreadStart, NoFlags});
        b.metadata().scenarioId = QStringLiteral("socket.client");
        b.metadata().parameters
            = {{QStringLiteral("host"), host}, {QStringLiteral("port"), QStringLiteral("0")}};
        Schedule schedule;
        schedule.setLeftStepMode(true);
        b.setSchedule(schedule);
        const QString path = m_dir.filePath(name);
        QString error;
        return TraceFile::save(b.build(), path, &error) ? path : QString();
    };
    const QString remote
        = savedClient(QStringLiteral("remote.weft"), QStringLiteral("10.255.255.1"));
    QVERIFY(!remote.isEmpty());
    Result r = weft({QStringLiteral("--replay"), remote});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("10.255.255.1")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("--allow-remote")), qPrintable(r.err));
    // An override on the command line is judged too.
    r = weft({QStringLiteral("--replay"), remote, QStringLiteral("--param"),
              QStringLiteral("host=127.0.0.1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QString local = savedClient(QStringLiteral("local.weft"), QStringLiteral("127.0.0.1"));
    r = weft({QStringLiteral("--replay"), local});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(weft({QStringLiteral("--run"), QStringLiteral("threads.create"),
                   QStringLiteral("--allow-remote")})
                 .exitCode,
             2);
}

void TestCommandLine::signalCancelsRunAndKeepsTrace_data()
{
    QTest::addColumn<bool>("interrupt");
    QTest::newRow("SIGTERM") << false;
    QTest::newRow("SIGINT") << true;
}

void TestCommandLine::signalCancelsRunAndKeepsTrace()
{
    // Issue 12: Ctrl+C wrote no --trace-out and exited 130; the README says 1.
    QFETCH(bool, interrupt);
    const QString out
        = m_dir.filePath(interrupt ? QStringLiteral("int.weft") : QStringLiteral("term.weft"));
    QProcess process;
    process.start(m_executable,
                  {QStringLiteral("--run"), QStringLiteral("threads.create"),
                   QStringLiteral("--param"), QStringLiteral("delay_ms=10000"),
                   QStringLiteral("--trace-out"), out});
    QVERIFY(process.waitForStarted());
    QTest::qWait(1500);
    ::kill(pid_t(process.processId()), interrupt ? SIGINT : SIGTERM);
    QVERIFY2(process.waitForFinished(8000), "the run did not stop within 8 s of the signal");
    const QString stdOut = QString::fromUtf8(process.readAllStandardOutput());
    const QString stdErr = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 1, qPrintable(stdOut + stdErr));
    QVERIFY2(stdOut.contains(QStringLiteral("Outcome (cancelled)")), qPrintable(stdOut));
    QString error;
    const auto trace = TraceFile::load(out, &error);
    QVERIFY2(trace, qPrintable(error));
    QVERIFY(!trace->eventsOfKind(EventKind::ThreadStart).empty());
}

void TestCommandLine::killedRunLeavesATraceCutShort()
{
    // Issue 17: a .weft --trace-out is written as the run goes, so SIGKILL
    // (no handler runs) leaves a file that opens up to its last whole block.
    const QString out = m_dir.filePath(QStringLiteral("killed.weft"));
    QProcess process;
    process.start(m_executable,
                  {QStringLiteral("--run"), QStringLiteral("threads.create"),
                   QStringLiteral("--param"), QStringLiteral("delay_ms=10000"),
                   QStringLiteral("--trace-out"), out});
    QVERIFY(process.waitForStarted());
    const auto startedThreads = [&out] {
        QFile file(out);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        QString error;
        const auto trace = TraceFile::deserialize(file.readAll(), &error, nullptr);
        return trace && !trace->eventsOfKind(EventKind::ThreadStart).empty();
    };
    QTRY_VERIFY_WITH_TIMEOUT(startedThreads(), 8000);
    ::kill(pid_t(process.processId()), SIGKILL);
    QVERIFY(process.waitForFinished(8000));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QString error;
    QStringList warnings;
    const auto trace = TraceFile::load(out, &error, &warnings);
    QVERIFY2(trace, qPrintable(error));
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.front().contains(QStringLiteral("cut short")), qPrintable(warnings.front()));
    QVERIFY(!trace->eventsOfKind(EventKind::ThreadStart).empty());
    QCOMPARE(trace->metadata().scenarioId, QStringLiteral("threads.create"));
}

void TestCommandLine::hugeParameterIsEchoedCut()
{
    // Issue 12: a 5 MB value was echoed whole in the error. The command line
    // takes at most 128 KiB per argument; a replay file has no such limit.
    const QString value(120'000, QLatin1Char('9'));
    Result r = weft({QStringLiteral("--run"), QStringLiteral("threads.create"),
                     QStringLiteral("--param"), QStringLiteral("delay_ms=") + value});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.size() < 2000, qPrintable(r.err.left(300)));
    QVERIFY2(r.err.contains(QStringLiteral("delay_ms")), qPrintable(r.err));

    TraceBuilder b;
    const quint32 actor = b.addActor({QStringLiteral("MainThread"), 1, 0, true, false});
    b.addEvent({1, 0, actor, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    b.metadata().scenarioId = QStringLiteral("threads.create");
    b.metadata().parameters = {{QStringLiteral("delay_ms"), QString(5 << 20, QLatin1Char('9'))}};
    Schedule schedule;
    schedule.setLeftStepMode(true);
    b.setSchedule(schedule);
    const QString path = m_dir.filePath(QStringLiteral("huge-parameter.weft"));
    QString error;
    QVERIFY2(TraceFile::save(b.build(), path, &error), qPrintable(error));
    r = weft({QStringLiteral("--replay"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.size() < 2000, qPrintable(r.err.left(300)));
    QVERIFY2(r.err.contains(QStringLiteral("delay_ms")), qPrintable(r.err));
}

void TestCommandLine::peerReplyReachesTerminalEscaped()
{
    // Issue 12: socket.client printed a server's reply line raw; an OSC
    // sequence in it retitled the terminal. A local server sends one.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            socket->write("HTTP/1.0 200 \x1b]0;TITLE\x07\x1b[2J\r\n\r\nbody");
            socket->disconnectFromHost();
        });
    });
    QProcess process;
    process.start(m_executable,
                  {QStringLiteral("--run"), QStringLiteral("socket.client"),
                   QStringLiteral("--param"), QStringLiteral("host=127.0.0.1"),
                   QStringLiteral("--param"), QStringLiteral("port=%1").arg(server.serverPort())});
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 30000);
    const QByteArray stdOut = process.readAllStandardOutput();
    QVERIFY2(!stdOut.contains('\x1b') && !stdOut.contains('\x07'), stdOut.constData());
    QVERIFY2(stdOut.contains("\\x1b]0;TITLE\\x07"), stdOut.constData());
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
