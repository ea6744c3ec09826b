// SPDX-License-Identifier: MIT
// `weft --compare A B --export FILE`, headless, end to end.
#include "../ui/compare/comparetraces.h"
#include "core/interchange/traceloader.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;

class TestCompareCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void exportsBothRuns_data();
    void exportsBothRuns();
    void badSecondFile_data();
    void badSecondFile();
    void needsTwoFiles();
    void aLessonBesideItsPythonTwin();
    void aLessonWithoutATwin();

private:
    int weft(const QStringList &arguments, QString *out = nullptr, QString *err = nullptr);
    QString m_weft;
    QTemporaryDir m_dir;
    QString m_nolock, m_lock;
};

int TestCompareCommand::weft(const QStringList &arguments, QString *out, QString *err)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    process.setProcessEnvironment(env);
    process.start(m_weft, arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return -100;
    }
    if (out)
        *out = QString::fromUtf8(process.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void TestCompareCommand::initTestCase()
{
    m_weft = qEnvironmentVariable("WEFT_EXECUTABLE");
    QVERIFY2(!m_weft.isEmpty(), "WEFT_EXECUTABLE is not set");
    QVERIFY(m_dir.isValid());
    m_nolock = m_dir.filePath(QStringLiteral("nolock.weft"));
    m_lock = m_dir.filePath(QStringLiteral("lock.json")); // Chrome JSON reads too
    QString error;
    QVERIFY2(saveTrace(testsupport::countingRun(1'000'000'000, 31, QStringLiteral("W"), 19801,
                                                QStringLiteral("nolock")),
                       m_nolock, &error),
             qPrintable(error));
    QVERIFY2(saveTrace(testsupport::countingRun(9'000'000'000, 44, QStringLiteral("W"), 0,
                                                QStringLiteral("lock")),
                       m_lock, &error),
             qPrintable(error));
}

void TestCompareCommand::exportsBothRuns_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "cmp.png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "cmp.svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << "cmp.pdf" << QByteArray("%PDF-");
}

void TestCompareCommand::exportsBothRuns()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, magic);
    const QString path = m_dir.filePath(file);
    QString out, err;
    const int code
        = weft({QStringLiteral("--compare"), m_nolock, m_lock, QStringLiteral("--export"), path,
                QStringLiteral("--width"), QStringLiteral("1000")},
               &out, &err);
    QVERIFY2(code == 0, qPrintable(err));
    QVERIFY2(
        out.contains(QStringLiteral("nolock: 19801 updates lost in 31 ms; lock: exact in 44 ms")),
        qPrintable(out));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    QVERIFY(bytes.startsWith(magic));
    if (file.endsWith(QLatin1String(".png"))) {
        const QImage image = QImage::fromData(bytes, "png");
        QCOMPARE(image.width(), 1000);
        QVERIFY(image.height() > 300); // a heading and two runs
        // Not blank: more than one colour in it.
        const QRgb corner = image.pixel(0, 0);
        int other = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                other += image.pixel(x, y) != corner ? 1 : 0;
        QVERIFY(other > 1000);
    }
    if (file.endsWith(QLatin1String(".svg"))) {
        // Both runs' titles, each a text element of its own.
        const QString svg = QString::fromUtf8(bytes);
        QVERIFY(svg.contains(QStringLiteral(">nolock — Many threads, one counter<")));
        QVERIFY(svg.contains(QStringLiteral(">lock — Many threads, one counter<")));
    }
}

void TestCompareCommand::badSecondFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("malformed json") << "broken.json" << QByteArray("[{\"ph\": \"X\", \"ts\": ");
    QTest::newRow("not a trace") << "notes.weft" << QByteArray("hello");
    QTest::newRow("missing") << "missing.weft" << QByteArray();
}

void TestCompareCommand::badSecondFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    const QString second = m_dir.filePath(name);
    if (!content.isEmpty()) {
        QFile file(second);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QString picture = m_dir.filePath(QStringLiteral("never.png"));
    QString err;
    QCOMPARE(
        weft({QStringLiteral("--compare"), m_nolock, second, QStringLiteral("--export"), picture},
             nullptr, &err),
        2);
    QVERIFY2(err.contains(second), qPrintable(err));
    QVERIFY(!QFile::exists(picture));
}

void TestCompareCommand::needsTwoFiles()
{
    QString err;
    QCOMPARE(weft({QStringLiteral("--compare"), m_nolock, QStringLiteral("--export"),
                   m_dir.filePath(QStringLiteral("one.png"))},
                  nullptr, &err),
             2);
    QVERIFY2(err.contains(QStringLiteral("two trace files")), qPrintable(err));
}

// `--compare-twin`: the lesson in C++ and in Python, the same values, one picture.
void TestCompareCommand::aLessonBesideItsPythonTwin()
{
    const QString path = m_dir.filePath(QStringLiteral("twin.svg"));
    QString out, err;
    const int code
        = weft({QStringLiteral("--compare-twin"), QStringLiteral("locks.counter"),
                QStringLiteral("--param"), QStringLiteral("threads=4"), QStringLiteral("--param"),
                QStringLiteral("mode=lock"), QStringLiteral("--export"), path},
               &out, &err);
    if (code == 1 && err.contains(QLatin1String("python")))
        QSKIP(qPrintable(err)); // no python3 (or no recording library) on this machine
    QVERIFY2(code == 0, qPrintable(err));
    QVERIFY2(out.startsWith(QStringLiteral("C++: exact in ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("; Python: exact in ")), qPrintable(out));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(written.readAll());
    QVERIFY(svg.contains(QStringLiteral(">Compare: Many threads, one counter<")));
    QVERIFY(svg.contains(QStringLiteral(">C++ — Many threads, one counter<")));
    QVERIFY(svg.contains(QStringLiteral(">Python — Many threads, one counter (Python)<")));
}

void TestCompareCommand::aLessonWithoutATwin()
{
    const QString picture = m_dir.filePath(QStringLiteral("none.png"));
    QString err;
    QCOMPARE(weft({QStringLiteral("--compare-twin"), QStringLiteral("locks.race"),
                   QStringLiteral("--export"), picture},
                  nullptr, &err),
             2);
    QVERIFY2(err.contains(QStringLiteral("locks.race has no Python twin")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("locks.counter")), qPrintable(err)); // what has one
    QVERIFY(!QFile::exists(picture));
}

QTEST_MAIN(TestCompareCommand)
#include "tst_comparecommand.moc"
