// SPDX-License-Identifier: MIT
#include "core/parameter.h"

#include <QTest>

using namespace weft;

class TestParameter : public QObject
{
    Q_OBJECT
private slots:
    void defaultsFillEveryKey();
    void assignments_data();
    void assignments();
};

namespace {
QList<ParameterSpec> specs()
{
    return {
        ParameterSpec::integer(QStringLiteral("threads"), QStringLiteral("Threads"), 200, 1, 2000),
        ParameterSpec::boolean(QStringLiteral("join"), QStringLiteral("Join"), true),
        ParameterSpec::choice(
            QStringLiteral("mode"), QStringLiteral("Mode"),
            {QStringLiteral("serial"), QStringLiteral("lock"), QStringLiteral("nolock")},
            QStringLiteral("lock")),
        ParameterSpec::real(QStringLiteral("seconds"), QStringLiteral("Seconds"), 1.5, 0, 10)};
}
} // namespace

void TestParameter::defaultsFillEveryKey()
{
    const auto values = ParameterValues::defaults(specs());
    QCOMPARE(values.integer(QStringLiteral("threads")), 200);
    QCOMPARE(values.boolean(QStringLiteral("join")), true);
    QCOMPARE(values.text(QStringLiteral("mode")), QStringLiteral("lock"));
    QCOMPARE(values.real(QStringLiteral("seconds")), 1.5);
}

void TestParameter::assignments_data()
{
    QTest::addColumn<QStringList>("input");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::newRow("ok") << QStringList {"threads=5", "join=false", "mode=nolock"} << QString();
    QTest::newRow("too big") << QStringList {"threads=5000"} << "between 1 and 2000";
    QTest::newRow("zero") << QStringList {"threads=0"} << "between 1 and 2000";
    QTest::newRow("not a number") << QStringList {"threads=lots"} << "expects a number";
    QTest::newRow("bad bool") << QStringList {"join=maybe"} << "expects true or false";
    QTest::newRow("bad choice") << QStringList {"mode=fast"}
                                << "must be one of serial, lock, nolock";
    QTest::newRow("unknown") << QStringList {"colour=red"} << "unknown parameter 'colour'";
    QTest::newRow("no equals") << QStringList {"threads"} << "key=value";
    QTest::newRow("nan") << QStringList {"seconds=nan"} << "between 0 and 10";
}

void TestParameter::assignments()
{
    QFETCH(QStringList, input);
    QFETCH(QString, error);
    QString message;
    const auto values = ParameterValues::fromAssignments(specs(), input, &message);
    if (error.isEmpty()) {
        QVERIFY2(values, qPrintable(message));
        QCOMPARE(values->integer(QStringLiteral("threads")), 5);
        QCOMPARE(values->boolean(QStringLiteral("join")), false);
        QCOMPARE(values->text(QStringLiteral("mode")), QStringLiteral("nolock"));
    } else {
        QVERIFY(!values);
        QVERIFY2(message.contains(error), qPrintable(message));
    }
}

QTEST_GUILESS_MAIN(TestParameter)
#include "tst_parameter.moc"
