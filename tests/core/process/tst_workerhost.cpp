// SPDX-License-Identifier: MIT
// `weft --worker ...` started with bad arguments exits with code 2 and says why.
#include <QProcess>
#include <QTest>

class TestWorkerHost : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void badArguments_data();
    void badArguments();
};

void TestWorkerHost::initTestCase()
{
    QVERIFY2(!qEnvironmentVariable("WEFT_EXECUTABLE").isEmpty(),
             "WEFT_EXECUTABLE must name the weft binary");
}

void TestWorkerHost::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no role") << QStringList {} << QStringLiteral("missing role");
    QTest::newRow("unknown role") << QStringList {QStringLiteral("nosuchrole")}
                                  << QStringLiteral("unknown role 'nosuchrole'");
    QTest::newRow("bad parameter")
        << QStringList {QStringLiteral("sleep"), QStringLiteral("ms=soon")}
        << QStringLiteral("'ms'");
    QTest::newRow("out of range") << QStringList {QStringLiteral("sleep"), QStringLiteral("ms=-5")}
                                  << QStringLiteral("'ms'");
    QTest::newRow("unknown parameter")
        << QStringList {QStringLiteral("sleep"), QStringLiteral("speed=3")}
        << QStringLiteral("speed");
    QTest::newRow("stray argument")
        << QStringList {QStringLiteral("sleep"), QStringLiteral("--fast")}
        << QStringLiteral("unexpected argument '--fast'");
    QTest::newRow("bad endpoint") << QStringList {QStringLiteral("sleep"),
                                                  QStringLiteral("--endpoint"),
                                                  QStringLiteral("nonsense")}
                                  << QStringLiteral("--endpoint needs");
    QTest::newRow("closed endpoint")
        << QStringList {QStringLiteral("sleep"), QStringLiteral("--endpoint"),
                        QStringLiteral("40:pipe")}
        << QStringLiteral("descriptor 40");
    QTest::newRow("started by hand")
        << QStringList {QStringLiteral("sleep"), QStringLiteral("ms=1")}
        << QStringLiteral("no event stream on descriptor 3");
}

void TestWorkerHost::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess weft;
    weft.start(qEnvironmentVariable("WEFT_EXECUTABLE"),
               QStringList {QStringLiteral("--worker")} + arguments);
    QVERIFY(weft.waitForFinished(60000));
    QCOMPARE(weft.exitStatus(), QProcess::NormalExit);
    QCOMPARE(weft.exitCode(), 2);
    const QString error = QString::fromLocal8Bit(weft.readAllStandardError());
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.startsWith(QStringLiteral("weft --worker:")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestWorkerHost)
#include "tst_workerhost.moc"
