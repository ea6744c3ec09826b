// SPDX-License-Identifier: MIT
#include "ui/panels/syntaxpalette.h"

#include <QPalette>
#include <QTest>

using namespace weft::ui;
using Role = SyntaxPalette::Role;

Q_DECLARE_METATYPE(SyntaxPalette::Role)

class TestSyntaxPalette : public QObject
{
    Q_OBJECT
private slots:
    void everyRoleReadsOnTheBackgroundAndTheCurrentLine_data();
    void everyRoleReadsOnTheBackgroundAndTheCurrentLine();
    void rolesTellApart_data();
    void rolesTellApart();
    void theCurrentLineStandsOut_data();
    void theCurrentLineStandsOut();
    void followsThePalettesBase();
    void contrastIsTheWcagRatio();
};

void TestSyntaxPalette::everyRoleReadsOnTheBackgroundAndTheCurrentLine_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<Role>("role");
    for (bool dark : {false, true}) {
        int i = 0;
        for (Role role : SyntaxPalette::roles())
            QTest::addRow("%s %d", dark ? "dark" : "light", i++) << dark << role;
    }
}

void TestSyntaxPalette::everyRoleReadsOnTheBackgroundAndTheCurrentLine()
{
    QFETCH(bool, dark);
    QFETCH(Role, role);
    const SyntaxPalette palette = dark ? SyntaxPalette::dark() : SyntaxPalette::light();
    const QColor color = palette.color(role);
    QVERIFY2(SyntaxPalette::contrast(color, palette.background()) >= SyntaxPalette::kMinContrast,
             qPrintable(color.name()));
    QVERIFY2(SyntaxPalette::contrast(color, palette.currentLine()) >= SyntaxPalette::kMinContrast,
             qPrintable(color.name()));
}

void TestSyntaxPalette::rolesTellApart_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

// Decorators and preprocessor lines may share a colour (never in one file);
// every other pair of roles must differ, or the colours say nothing.
void TestSyntaxPalette::rolesTellApart()
{
    QFETCH(bool, dark);
    const SyntaxPalette palette = dark ? SyntaxPalette::dark() : SyntaxPalette::light();
    const QList<Role> roles = SyntaxPalette::roles();
    for (Role a : roles) {
        for (Role b : roles) {
            if (a >= b || (a == Role::Decorator && b == Role::Preprocessor))
                continue;
            QVERIFY2(palette.color(a) != palette.color(b),
                     qPrintable(QStringLiteral("roles %1 and %2 share %3")
                                    .arg(int(a))
                                    .arg(int(b))
                                    .arg(palette.color(a).name())));
        }
    }
}

void TestSyntaxPalette::theCurrentLineStandsOut_data()
{
    rolesTellApart_data();
}

// Contrast (luminance) is the wrong measure for a tint; how far the colours
// lie apart is what the eye finds on a washed-out projector.
void TestSyntaxPalette::theCurrentLineStandsOut()
{
    QFETCH(bool, dark);
    const SyntaxPalette palette = dark ? SyntaxPalette::dark() : SyntaxPalette::light();
    const QColor a = palette.background();
    const QColor b = palette.currentLine();
    const int distance = std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
        + std::abs(a.blue() - b.blue());
    QVERIFY2(distance >= 90, qPrintable(QString::number(distance)));
}

void TestSyntaxPalette::followsThePalettesBase()
{
    QPalette palette;
    palette.setColor(QPalette::Base, QColor(0x1f, 0x20, 0x25));
    QVERIFY(SyntaxPalette::forPalette(palette).isDark());
    palette.setColor(QPalette::Base, Qt::white);
    QVERIFY(!SyntaxPalette::forPalette(palette).isDark());
}

void TestSyntaxPalette::contrastIsTheWcagRatio()
{
    QCOMPARE(qRound(SyntaxPalette::contrast(Qt::black, Qt::white)), 21);
    QCOMPARE(SyntaxPalette::contrast(Qt::red, Qt::red), 1.0);
    // #767676 on white is the classic just-passing AA grey.
    QVERIFY(qAbs(SyntaxPalette::contrast(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
}

QTEST_MAIN(TestSyntaxPalette)
#include "tst_syntaxpalette.moc"
