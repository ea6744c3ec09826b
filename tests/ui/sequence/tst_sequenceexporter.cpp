// SPDX-License-Identifier: MIT
// exportSequenceDiagram() directly, and `weft --export FILE --view sequence`.
#include "core/tracebuilder.h"
#include "tests/common/sampletrace.h"
#include "ui/sequence/sequenceexporter.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestSequenceExporter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void writesEachFormat_data();
    void writesEachFormat();
    void refusesATraceWithoutSockets();
    void cliExportsASocketRun();
    void cliRefusesARunWithoutSockets();
    void cliRefusesAnUnknownView();

private:
    int weft(const QStringList &arguments, QString *err);
    QTemporaryDir m_dir;
};

void TestSequenceExporter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!qEnvironmentVariableIsEmpty("WEFT_EXECUTABLE"), "WEFT_EXECUTABLE is not set");
}

int TestSequenceExporter::weft(const QStringList &arguments, QString *err)
{
    const QString program = qEnvironmentVariable("WEFT_EXECUTABLE");
    if (program.isEmpty())
        return -200;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return -100;
    }
    *err = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void TestSequenceExporter::writesEachFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "seq.png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "seq.svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << "seq.pdf" << QByteArray("%PDF-");
}

void TestSequenceExporter::writesEachFormat()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, magic);
    const QString path = m_dir.filePath(file);
    SequenceExportOptions options;
    options.theme = Theme::light();
    QString error;
    QVERIFY2(exportSequenceDiagram(testsupport::makeSampleTrace().trace, path, options, &error),
             qPrintable(error));
    QFile out(path);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(out.read(magic.size()), magic);
    if (file.endsWith(QLatin1String(".svg")))
        QVERIFY(out.readAll().contains("send 6 B")); // the labels are text in an SVG
}

void TestSequenceExporter::refusesATraceWithoutSockets()
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    const quint32 actor = builder.addActor({QStringLiteral("t"), 1, process, true, false});
    builder.addEvent({1, 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
    const QString path = m_dir.filePath(QStringLiteral("none.png"));
    QString error;
    QVERIFY(!exportSequenceDiagram(builder.build(), path, {}, &error));
    QVERIFY2(error.contains(QStringLiteral("no sockets or messages")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void TestSequenceExporter::cliExportsASocketRun()
{
    const QString path = m_dir.filePath(QStringLiteral("server.png"));
    QString err;
    const int code
        = weft({QStringLiteral("--run"), QStringLiteral("socket.server"),
                QStringLiteral("--export"), path, QStringLiteral("--view"),
                QStringLiteral("sequence"), QStringLiteral("--theme"), QStringLiteral("dark")},
               &err);
    QVERIFY2(code == 0, qPrintable(err));
    const QImage image(path);
    QVERIFY(!image.isNull());
    // Taller than wide: a row per message, three lifelines across.
    QVERIFY2(image.height() > image.width() / 2,
             qPrintable(QStringLiteral("%1 × %2").arg(image.width()).arg(image.height())));
    QCOMPARE(image.pixelColor(2, 2).rgb(), Theme::dark().background().rgb());
}

void TestSequenceExporter::cliRefusesARunWithoutSockets()
{
    const QString path = m_dir.filePath(QStringLiteral("threads.png"));
    QString err;
    QCOMPARE(
        weft({QStringLiteral("--run"), QStringLiteral("threads.create"), QStringLiteral("--param"),
              QStringLiteral("delay_ms=1"), QStringLiteral("--export"), path,
              QStringLiteral("--view"), QStringLiteral("sequence")},
             &err),
        2);
    QVERIFY2(err.contains(QStringLiteral("no sockets or messages")), qPrintable(err));
    QVERIFY(!QFile::exists(path));
}

void TestSequenceExporter::cliRefusesAnUnknownView()
{
    QString err;
    QCOMPARE(weft({QStringLiteral("--run"), QStringLiteral("socket.server"),
                   QStringLiteral("--export"), m_dir.filePath(QStringLiteral("x.png")),
                   QStringLiteral("--view"), QStringLiteral("flow")},
                  &err),
             2);
    QVERIFY2(err.contains(QStringLiteral("--view")), qPrintable(err));
    QCOMPARE(weft({QStringLiteral("--run"), QStringLiteral("socket.server"),
                   QStringLiteral("--view"), QStringLiteral("sequence")},
                  &err),
             2);
    QVERIFY2(err.contains(QStringLiteral("--view needs --export")), qPrintable(err));
}

QTEST_MAIN(TestSequenceExporter)
#include "tst_sequenceexporter.moc"
