// SPDX-License-Identifier: MIT
// `weft --run ID --export FILE` and `weft --open TRACE --export FILE`, headless.
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <limits>
#include <sys/stat.h>

class TestExportCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void runAndExport_data();
    void runAndExport();
    void openAndExport();
    void errors_data();
    void errors();
    void themeAndFontScale();
    void badThemeOrScale_data();
    void badThemeOrScale();
    void presetsAndRange();
    void badPresetSizeOrRange_data();
    void badPresetSizeOrRange();
    void hostileInputFinishesQuickly_data();
    void hostileInputFinishesQuickly();

private:
    int weft(const QStringList &arguments, QString *err = nullptr, int timeoutMs = 120000);
    void refusesToExport(const QStringList &extra, const QString &mention);
    QString m_weft;
    QTemporaryDir m_dir;
};

int TestExportCli::weft(const QStringList &arguments, QString *err, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(m_weft, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return -100;
    }
    if (err)
        *err = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void TestExportCli::initTestCase()
{
    m_weft = qEnvironmentVariable("WEFT_EXECUTABLE");
    QVERIFY2(!m_weft.isEmpty(), "WEFT_EXECUTABLE is not set");
    QVERIFY(m_dir.isValid());
}

void TestExportCli::runAndExport_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "run.png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "run.svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << "run.pdf" << QByteArray("%PDF-");
}

void TestExportCli::runAndExport()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, magic);
    const QString path = m_dir.filePath(file);
    QString err;
    const int code
        = weft({QStringLiteral("--run"), QStringLiteral("threads.create"),
                QStringLiteral("--param"), QStringLiteral("delay_ms=1"), QStringLiteral("--export"),
                path, QStringLiteral("--width"), QStringLiteral("1000")},
               &err);
    QVERIFY2(code == 0, qPrintable(err));
    QFile out(path);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QVERIFY(out.read(magic.size()) == magic);
    if (file.endsWith(QLatin1String(".png")))
        QCOMPARE(QImage(path).width(), 1000);
}

void TestExportCli::openAndExport()
{
    const QString trace = m_dir.filePath(QStringLiteral("saved.weft"));
    const QString picture = m_dir.filePath(QStringLiteral("opened.png"));
    QString err;
    QCOMPARE(
        weft({QStringLiteral("--run"), QStringLiteral("threads.create"), QStringLiteral("--param"),
              QStringLiteral("delay_ms=1"), QStringLiteral("--trace-out"), trace},
             &err),
        0);
    const int code
        = weft({QStringLiteral("--open"), trace, QStringLiteral("--export"), picture}, &err);
    QVERIFY2(code == 0, qPrintable(err));
    QCOMPARE(QImage(picture).width(), 1600);
}

void TestExportCli::errors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("mention");
    QTest::newRow("unknown format") << QStringLiteral("out.bmp") << 3 << QStringLiteral(".bmp");
    QTest::newRow("unwritable path") << QStringLiteral("/nonexistent-weft-dir/out.png") << 3
                                     << QStringLiteral("/nonexistent-weft-dir/out.png");
}

void TestExportCli::errors()
{
    QFETCH(QString, path);
    QFETCH(int, code);
    QFETCH(QString, mention);
    const QString full = path.startsWith(QLatin1Char('/')) ? path : m_dir.filePath(path);
    QString err;
    QCOMPARE(
        weft({QStringLiteral("--run"), QStringLiteral("threads.create"), QStringLiteral("--param"),
              QStringLiteral("delay_ms=1"), QStringLiteral("--export"), full},
             &err),
        code);
    QVERIFY2(err.contains(mention), qPrintable(err));
    QVERIFY(!QFile::exists(full));
}

void TestExportCli::themeAndFontScale()
{
    auto exportWith = [&](const QString &name, const QStringList &extra) {
        const QString path = m_dir.filePath(name);
        QString err;
        const int code
            = weft(QStringList {QStringLiteral("--run"), QStringLiteral("threads.create"),
                                QStringLiteral("--param"), QStringLiteral("delay_ms=1"),
                                QStringLiteral("--export"), path, QStringLiteral("--width"),
                                QStringLiteral("900")}
                       + extra,
                   &err);
        if (code != 0)
            qWarning("%s", qPrintable(err));
        return code == 0 ? QImage(path) : QImage();
    };
    const QImage light = exportWith(QStringLiteral("light.png"), {});
    const QImage dark = exportWith(QStringLiteral("dark.png"),
                                   {QStringLiteral("--theme"), QStringLiteral("dark")});
    const QImage large = exportWith(QStringLiteral("large.png"),
                                    {QStringLiteral("--theme"), QStringLiteral("light"),
                                     QStringLiteral("--font-scale"), QStringLiteral("200")});
    QVERIFY(!light.isNull() && !dark.isNull() && !large.isNull());
    QVERIFY(light.pixelColor(2, 2).lightness() > 200);
    QVERIFY(dark.pixelColor(2, 2).lightness() < 60);
    QCOMPARE(large.width(), 900);
    QVERIFY(large.height() > light.height() * 3 / 2);
}

void TestExportCli::badThemeOrScale_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("mention");
    QTest::newRow("unknown theme")
        << QStringList {QStringLiteral("--theme"), QStringLiteral("sepia")}
        << QStringLiteral("--theme");
    QTest::newRow("scale too large")
        << QStringList {QStringLiteral("--font-scale"), QStringLiteral("400")}
        << QStringLiteral("--font-scale");
    QTest::newRow("scale too small")
        << QStringList {QStringLiteral("--font-scale"), QStringLiteral("50")}
        << QStringLiteral("--font-scale");
    QTest::newRow("scale not a number")
        << QStringList {QStringLiteral("--font-scale"), QStringLiteral("big")}
        << QStringLiteral("--font-scale");
}

void TestExportCli::badThemeOrScale()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, mention);
    refusesToExport(extra, mention);
    QString err;
    // Without --export the options make no sense: also a usage error.
    QCOMPARE(
        weft({QStringLiteral("--list"), QStringLiteral("--theme"), QStringLiteral("dark")}, &err),
        2);
}

void TestExportCli::presetsAndRange()
{
    const QString trace = m_dir.filePath(QStringLiteral("preset.weft"));
    QString err;
    QCOMPARE(
        weft({QStringLiteral("--run"), QStringLiteral("threads.create"), QStringLiteral("--param"),
              QStringLiteral("delay_ms=1"), QStringLiteral("--trace-out"), trace},
             &err),
        0);
    auto exported = [&](const QString &name, const QStringList &extra) {
        const QString path = m_dir.filePath(name);
        const int code = weft(
            QStringList {QStringLiteral("--open"), trace, QStringLiteral("--export"), path} + extra,
            &err);
        if (code != 0)
            qWarning("%s", qPrintable(err));
        return code == 0 ? QImage(path) : QImage();
    };
    QCOMPARE(exported(QStringLiteral("slide.png"),
                      {QStringLiteral("--preset"), QStringLiteral("slide-16x9")})
                 .size(),
             QSize(1920, 1080));
    QCOMPARE(exported(QStringLiteral("slide43.png"),
                      {QStringLiteral("--preset"), QStringLiteral("slide-4x3")})
                 .size(),
             QSize(1440, 1080));
    QCOMPARE(exported(QStringLiteral("custom.png"),
                      {QStringLiteral("--width"), QStringLiteral("1000"),
                       QStringLiteral("--height"), QStringLiteral("700")})
                 .size(),
             QSize(1000, 700));
    QVERIFY2(!err.contains(QLatin1String("do not fit")), qPrintable(err));
    // Sixty threads do not fit 300 px readably: the picture is taller, and says so.
    const QString crowded = m_dir.filePath(QStringLiteral("crowded.png"));
    QCOMPARE(weft({QStringLiteral("--run"), QStringLiteral("locks.counter"),
                   QStringLiteral("--param"), QStringLiteral("threads=60"),
                   QStringLiteral("--param"), QStringLiteral("increments=1"),
                   QStringLiteral("--export"), crowded, QStringLiteral("--width"),
                   QStringLiteral("1000"), QStringLiteral("--height"), QStringLiteral("300")},
                  &err),
             0);
    QVERIFY2(QImage(crowded).height() > 300, qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("do not fit in 300 px")), qPrintable(err));
    // The default width follows the text size.
    QCOMPARE(exported(QStringLiteral("large.png"),
                      {QStringLiteral("--font-scale"), QStringLiteral("200")})
                 .width(),
             3200);
    QVERIFY(
        !exported(QStringLiteral("range.png"), {QStringLiteral("--range"), QStringLiteral("0:1")})
             .isNull());
}

void TestExportCli::badPresetSizeOrRange_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("mention");
    QTest::newRow("unknown preset")
        << QStringList {QStringLiteral("--preset"), QStringLiteral("slide-21x9")}
        << QStringLiteral("slide-16x9, slide-4x3");
    QTest::newRow("size with a preset")
        << QStringList {QStringLiteral("--preset"), QStringLiteral("a4"), QStringLiteral("--width"),
                        QStringLiteral("900")}
        << QStringLiteral("--preset custom");
    QTest::newRow("height too small")
        << QStringList {QStringLiteral("--height"), QStringLiteral("20")}
        << QStringLiteral("--height");
    QTest::newRow("range backwards")
        << QStringList {QStringLiteral("--range"), QStringLiteral("500:200")}
        << QStringLiteral("--range");
    QTest::newRow("range not numbers")
        << QStringList {QStringLiteral("--range"), QStringLiteral("start-end")}
        << QStringLiteral("--range");
    QTest::newRow("range after the run")
        << QStringList {QStringLiteral("--range"), QStringLiteral("600000:700000")}
        << QStringLiteral("after the end of the run");
}

void TestExportCli::badPresetSizeOrRange()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, mention);
    refusesToExport(extra, mention);
}

// A bad export option is a usage error (exit 2) that names it, and no picture is written.
void TestExportCli::refusesToExport(const QStringList &extra, const QString &mention)
{
    const QString path = m_dir.filePath(QStringLiteral("refused.png"));
    QFile::remove(path);
    QString err;
    QCOMPARE(weft(QStringList {QStringLiteral("--run"), QStringLiteral("threads.create"),
                               QStringLiteral("--param"), QStringLiteral("delay_ms=1"),
                               QStringLiteral("--export"), path}
                      + extra,
                  &err),
             2);
    QVERIFY2(err.contains(mention), qPrintable(err));
    QVERIFY(!QFile::exists(path));
}

// Issue 12's reproductions: each must end (within 20 s, not hang or grow
// without bound) with a picture or a clear error naming the problem.
void TestExportCli::hostileInputFinishesQuickly_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contents"); // empty: name is a path as is
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("mention");
    // Each ts and dur is in range; first to last is more than a qint64 of
    // nanoseconds: toNs - fromNs overflowed and LanesPass::paint never ended.
    QTest::newRow("span beyond 64 bits")
        << "span.json"
        << QByteArray(
               R"([{"ph":"X","ts":-4000000000000000,"dur":1,"pid":1,"tid":1,"name":"b"},)"
               R"({"ph":"X","ts":4000000000000000,"dur":4000000000000000,"pid":1,"tid":1,"name":"c"}])")
        << 3 << "years";
    // A native trace from INT64_MIN to INT64_MAX (one thread, two events).
    QByteArray weft("WEFTTRC1", 8);
    auto u32 = [&](quint32 v) {
        weft.append(reinterpret_cast<const char *>(&v), 4);
    };
    auto i64 = [&](qint64 v) {
        weft.append(reinterpret_cast<const char *>(&v), 8);
    };
    auto str = [&](const QByteArray &t) {
        u32(quint32(t.size()));
        weft.append(t);
    };
    u32(2);
    str("x");
    str("x");
    u32(0); // scenario, title, parameters
    weft.append(char(1));
    str("");
    u32(0); // outcome
    i64(0); // dropped
    u32(0); // processes
    u32(1);
    str("t");
    i64(0);
    u32(0);
    weft.append(char(0)); // one actor
    u32(0);
    u32(0);
    u32(0); // objects, strings, sites
    u32(2);
    for (qint64 t : {std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()}) {
        i64(t);
        i64(0);
        u32(1);
        u32(0);
        u32(0);
        weft.append("\0\0", 2); // site
        weft.append(char(9));
        weft.append(char(0)); // LockAcquired, no flags
    }
    weft.append(char(0));
    u32(0); // no schedule
    QTest::newRow("native INT64_MIN to INT64_MAX") << "span.weft" << weft << 3 << "years";
    QTest::newRow("device") << "/dev/zero" << QByteArray() << 3 << "device";
    QTest::newRow("fifo without a writer") << "fifo" << QByteArray() << 3 << "FIFO";
    // A 20 MB name took 9.7 s and 1.4 GB to elide in drawLabel.
    QTest::newRow("20 MB name") << "longname.json"
                                << (R"([{"ph":"i","ts":1,"pid":1,"tid":1,"name":")"
                                    + QByteArray(20 << 20, 'w')
                                    + R"("},{"ph":"i","ts":2,"pid":1,"tid":1,"name":"b"}])")
                                << 0 << "";
}

void TestExportCli::hostileInputFinishesQuickly()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, contents);
    QFETCH(int, code);
    QFETCH(QString, mention);
    QString path = name.startsWith(QLatin1Char('/')) ? name : m_dir.filePath(name);
    if (name == QLatin1String("fifo")) {
        QFile::remove(path);
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    } else if (!contents.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }
    QElapsedTimer timer;
    timer.start();
    QString err;
    const int result = weft({QStringLiteral("--open"), path, QStringLiteral("--export"),
                             m_dir.filePath(QStringLiteral("hostile.png")),
                             QStringLiteral("--width"), QStringLiteral("800")},
                            &err, 20000);
    QVERIFY2(result != -100, "did not finish within 20 s");
    QVERIFY2(result == code, qPrintable(QString::number(result) + QLatin1Char(' ') + err));
    QVERIFY2(err.contains(mention), qPrintable(err));
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
