// SPDX-License-Identifier: MIT
#include "ui/panels/recorddialog.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace weft::ui;

class TestRecordDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void splitsLikeAShell_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("plain") << "./prog -n 4" << QStringList {"./prog", "-n", "4"};
        QTest::newRow("single quotes")
            << "python3 -c 'print(1)'" << QStringList {"python3", "-c", "print(1)"};
        QTest::newRow("double quotes") << "a \"b c\" d" << QStringList {"a", "b c", "d"};
        QTest::newRow("escaped space") << "my\\ prog x" << QStringList {"my prog", "x"};
        QTest::newRow("empty quotes") << "a ''" << QStringList {"a", ""};
        QTest::newRow("unclosed") << "a 'b" << QStringList {};
    }

    void splitsLikeAShell()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, words);
        QCOMPARE(RecordDialog::splitCommandLine(line), words);
    }

    void explainsWhatIsWrongAndRemembers()
    {
        RecordDialog dialog;
        auto *command = dialog.findChildren<QLineEdit *>().at(0);
        auto *environment = dialog.findChild<QPlainTextEdit *>();
        QVERIFY(command && environment);
        command->setText(QString());
        QVERIFY(dialog.problem().contains(QStringLiteral("command")));
        command->setText(QStringLiteral("./prog 'x"));
        QVERIFY(dialog.problem().contains(QStringLiteral("quote")));
        command->setText(QStringLiteral("./prog x"));
        environment->setPlainText(QStringLiteral("not an assignment"));
        QVERIFY(dialog.problem().contains(QStringLiteral("NAME=value")));
        environment->setPlainText(QStringLiteral("OMP_NUM_THREADS=4\n"));
        QVERIFY(dialog.problem().isEmpty());
        QCOMPARE(dialog.environment(), QStringList {QStringLiteral("OMP_NUM_THREADS=4")});
        dialog.remember();
        RecordDialog again;
        QCOMPARE(again.command(), (QStringList {QStringLiteral("./prog"), QStringLiteral("x")}));
        QCOMPARE(again.environment(), QStringList {QStringLiteral("OMP_NUM_THREADS=4")});
    }
};

QTEST_MAIN(TestRecordDialog)
#include "tst_recorddialog.moc"
