// SPDX-License-Identifier: MIT
// boundedText and terminalSafe: text Weft did not write, before it is
// measured or printed (issue 12).
#include "core/interchange/untrustedtext.h"

#include <QElapsedTimer>
#include <QTest>

using namespace weft;

class TestUntrustedText : public QObject
{
    Q_OBJECT
private slots:
    void boundedTextCutsLongText();
    void boundedTextKeepsSurrogatePairs();
    void terminalSafeEscapesControlCharacters_data();
    void terminalSafeEscapesControlCharacters();
    void terminalSafeBytes_data();
    void terminalSafeBytes();
};

void TestUntrustedText::boundedTextCutsLongText()
{
    QCOMPARE(boundedText(QStringLiteral("short")), QStringLiteral("short"));
    const QString exact(kMaxLabelChars, QLatin1Char('a'));
    QCOMPARE(boundedText(exact), exact);
    const QString huge(50 << 20, QLatin1Char('w')); // the 50 MB name
    QElapsedTimer timer;
    timer.start();
    const QString cut = boundedText(huge);
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(cut.size(), kMaxLabelChars + 1);
    QVERIFY(cut.endsWith(QChar(0x2026)));
    QCOMPARE(boundedText(QStringLiteral("abcdef"), 3), QStringLiteral("abc…"));
}

void TestUntrustedText::boundedTextKeepsSurrogatePairs()
{
    // U+1F600 is two UTF-16 units: a cut between them would leave half a character.
    const QString text
        = QStringLiteral("ab") + QString::fromUcs4(U"\U0001F600") + QStringLiteral("cd");
    QCOMPARE(boundedText(text, 3), QStringLiteral("ab…"));
    QCOMPARE(boundedText(text, 4),
             QStringLiteral("ab") + QString::fromUcs4(U"\U0001F600") + QStringLiteral("…"));
}

void TestUntrustedText::terminalSafeEscapesControlCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("HTTP/1.0 200 OK")
                           << QStringLiteral("HTTP/1.0 200 OK");
    QTest::newRow("cjk") << QStringLiteral("你好 héllo") << QStringLiteral("你好 héllo");
    // The reply: set the terminal's title.
    QTest::newRow("osc title") << QStringLiteral("\x1b]0;TITLE\x07")
                               << QStringLiteral("\\x1b]0;TITLE\\x07");
    QTest::newRow("csi clear") << QStringLiteral("a\x1b[2Jb") << QStringLiteral("a\\x1b[2Jb");
    QTest::newRow("newline, cr, tab")
        << QStringLiteral("a\nb\rc\td") << QStringLiteral("a\\nb\\rc\\td");
    QTest::newRow("del and c1") << QStringLiteral("a") + QChar(0x7f) + QChar(0x9b)
                                << QStringLiteral("a\\x7f\\x9b");
    QTest::newRow("bidi override")
        << QStringLiteral("x") + QChar(0x202e) + QStringLiteral("y") << QStringLiteral("x\\u202ey");
    QTest::newRow("lone surrogate")
        << QStringLiteral("x") + QChar(0xd800) << QStringLiteral("x\\ud800");
    QTest::newRow("emoji") << QString::fromUcs4(U"\U0001F600") << QString::fromUcs4(U"\U0001F600");
}

void TestUntrustedText::terminalSafeEscapesControlCharacters()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(terminalSafe(QStringView(text)), expected);
}

void TestUntrustedText::terminalSafeBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ascii") << QByteArray("HTTP/1.0 200 OK") << QStringLiteral("HTTP/1.0 200 OK");
    QTest::newRow("osc title") << QByteArray("\x1b]0;TITLE\x07")
                               << QStringLiteral("\\x1b]0;TITLE\\x07");
    QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9") << QStringLiteral("café");
    QTest::newRow("c1 as utf-8") << QByteArray("\xc2\x9b"
                                               "2J")
                                 << QStringLiteral("\\x9b2J");
    QTest::newRow("invalid byte") << QByteArray("a\xff"
                                                "b")
                                  << QStringLiteral("a\\xffb");
    QTest::newRow("overlong") << QByteArray("\xe0\x80\x9b") << QStringLiteral("\\xe0\\x80\\x9b");
    QTest::newRow("truncated sequence") << QByteArray("a\xe4\xbd") << QStringLiteral("a\\xe4\\xbd");
}

void TestUntrustedText::terminalSafeBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QCOMPARE(terminalSafe(QByteArrayView(bytes)), expected);
}

QTEST_GUILESS_MAIN(TestUntrustedText)
#include "tst_untrustedtext.moc"
