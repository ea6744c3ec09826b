// SPDX-License-Identifier: MIT
#include "ui/panels/parameterform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace weft;
using namespace weft::ui;

namespace {

QList<ParameterSpec> specs()
{
    return {ParameterSpec::integer(QStringLiteral("threads"), QStringLiteral("Threads"), 3, 1, 64),
            ParameterSpec::real(QStringLiteral("ratio"), QStringLiteral("Ratio"), 0.5, 0.0, 1.0),
            ParameterSpec::boolean(QStringLiteral("lock"), QStringLiteral("Use a lock"), true),
            ParameterSpec::choice(QStringLiteral("mode"), QStringLiteral("Mode"),
                                  {QStringLiteral("serial"), QStringLiteral("concurrent")},
                                  QStringLiteral("concurrent"), QString(),
                                  {QStringLiteral("串行"), QStringLiteral("并发")}),
            ParameterSpec::text(QStringLiteral("host"), QStringLiteral("Host"),
                                QStringLiteral("127.0.0.1"), 16)};
}

} // namespace

class TestParameterForm : public QObject
{
    Q_OBJECT
private slots:
    void buildsOneEditorPerSpec();
    void startsAtDefaults();
    void enforcesBounds_data();
    void enforcesBounds();
    void producesValuesTheSpecsAccept();
    void resetRestoresDefaults();
    void signalsChanges();
    void choicesShowLabelsAndKeepValues();
};

void TestParameterForm::buildsOneEditorPerSpec()
{
    ParameterForm form;
    form.setSpecs(specs());
    QVERIFY(qobject_cast<QSpinBox *>(form.editorFor(QStringLiteral("threads"))));
    QVERIFY(qobject_cast<QDoubleSpinBox *>(form.editorFor(QStringLiteral("ratio"))));
    QVERIFY(qobject_cast<QCheckBox *>(form.editorFor(QStringLiteral("lock"))));
    QVERIFY(qobject_cast<QComboBox *>(form.editorFor(QStringLiteral("mode"))));
    QVERIFY(qobject_cast<QLineEdit *>(form.editorFor(QStringLiteral("host"))));
    auto *threads = qobject_cast<QSpinBox *>(form.editorFor(QStringLiteral("threads")));
    QCOMPARE(threads->minimum(), 1);
    QCOMPARE(threads->maximum(), 64);

    form.setSpecs({});
    QCOMPARE(form.editorFor(QStringLiteral("threads")), nullptr);
    QVERIFY(form.values().map().isEmpty());
}

void TestParameterForm::startsAtDefaults()
{
    ParameterForm form;
    form.setSpecs(specs());
    const ParameterValues values = form.values();
    QCOMPARE(values.integer(QStringLiteral("threads")), 3);
    QCOMPARE(values.real(QStringLiteral("ratio")), 0.5);
    QCOMPARE(values.boolean(QStringLiteral("lock")), true);
    QCOMPARE(values.text(QStringLiteral("mode")), QStringLiteral("concurrent"));
    QCOMPARE(values.text(QStringLiteral("host")), QStringLiteral("127.0.0.1"));
}

void TestParameterForm::enforcesBounds_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("int above max") << "threads" << QVariant(1000) << QVariant(qint64(64));
    QTest::newRow("int below min") << "threads" << QVariant(-5) << QVariant(qint64(1));
    QTest::newRow("int inside") << "threads" << QVariant(17) << QVariant(qint64(17));
    QTest::newRow("real above max") << "ratio" << QVariant(7.5) << QVariant(1.0);
    QTest::newRow("real below min") << "ratio" << QVariant(-1.0) << QVariant(0.0);
    QTest::newRow("text too long")
        << "host" << QVariant(QStringLiteral("a-very-long-host-name.example"))
        << QVariant(QStringLiteral("a-very-long-host"));
}

void TestParameterForm::enforcesBounds()
{
    QFETCH(QString, key);
    QFETCH(QVariant, input);
    QFETCH(QVariant, expected);
    ParameterForm form;
    form.setSpecs(specs());
    QVERIFY(form.setValue(key, input));
    QCOMPARE(form.values().value(key), expected);
}

void TestParameterForm::producesValuesTheSpecsAccept()
{
    ParameterForm form;
    form.setSpecs(specs());
    QVERIFY(!form.setValue(QStringLiteral("mode"), QStringLiteral("sideways"))); // not a choice
    QVERIFY(!form.setValue(QStringLiteral("unknown"), 1));
    form.setValue(QStringLiteral("mode"), QStringLiteral("serial"));
    form.setValue(QStringLiteral("lock"), false);
    const ParameterValues values = form.values();
    for (const ParameterSpec &spec : specs()) {
        QVERIFY2(values.contains(spec.key), qPrintable(spec.key));
        QVERIFY2(spec.validate(values.value(spec.key)).isEmpty(), qPrintable(spec.key));
    }
    QCOMPARE(values.text(QStringLiteral("mode")), QStringLiteral("serial"));
    QCOMPARE(values.boolean(QStringLiteral("lock")), false);
}

void TestParameterForm::resetRestoresDefaults()
{
    ParameterForm form;
    form.setSpecs(specs());
    form.setValue(QStringLiteral("threads"), 40);
    form.setValue(QStringLiteral("host"), QStringLiteral("example.org"));
    form.resetToDefaults();
    QCOMPARE(form.values().integer(QStringLiteral("threads")), 3);
    QCOMPARE(form.values().text(QStringLiteral("host")), QStringLiteral("127.0.0.1"));
}

void TestParameterForm::signalsChanges()
{
    ParameterForm form;
    form.setSpecs(specs());
    QSignalSpy spy(&form, &ParameterForm::valuesChanged);
    form.setValue(QStringLiteral("threads"), 9);
    QCOMPARE(spy.count(), 1);
}

// The form shows a choice's translated label; the run (and the command line) get its value.
void TestParameterForm::choicesShowLabelsAndKeepValues()
{
    ParameterForm form;
    form.setSpecs(specs());
    auto *mode = qobject_cast<QComboBox *>(form.editorFor(QStringLiteral("mode")));
    QVERIFY(mode);
    QCOMPARE(mode->count(), 2);
    QCOMPARE(mode->itemText(0), QStringLiteral("串行"));
    QCOMPARE(mode->currentText(), QStringLiteral("并发"));
    QVERIFY(form.setValue(QStringLiteral("mode"), QStringLiteral("serial")));
    QCOMPARE(mode->currentText(), QStringLiteral("串行"));
    QCOMPARE(form.values().text(QStringLiteral("mode")), QStringLiteral("serial"));
    QVERIFY(!form.setValue(QStringLiteral("mode"), QStringLiteral("串行"))); // a label is no value
}

QTEST_MAIN(TestParameterForm)
#include "tst_parameterform.moc"
