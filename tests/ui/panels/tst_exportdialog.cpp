// SPDX-License-Identifier: MIT
#include "ui/panels/exportdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTest>
#include <QTranslator>

using namespace weft::ui;

class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void everyOptionIsFullyVisibleInChinese_data();
    void everyOptionIsFullyVisibleInChinese();
    void presetsSetTheSize();
};

void TestExportDialog::everyOptionIsFullyVisibleInChinese_data()
{
    QTest::addColumn<qreal>("textScale");
    QTest::newRow("100 %") << 1.0;
    QTest::newRow("200 %") << 2.0;
}

// Issue 19: "2×（适用于幻灯片和打印" was cut in the Chinese dialog.
void TestExportDialog::everyOptionIsFullyVisibleInChinese()
{
    QFETCH(qreal, textScale);
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/weft_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const QFont before = QApplication::font();
    QFont font = before;
    font.setPointSizeF(before.pointSizeF() * textScale);
    QApplication::setFont(font);
    QCoreApplication::processEvents(); // the font reaches every widget before the dialog exists

    ExportDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCoreApplication::removeTranslator(&chinese);
    struct RestoreFont
    {
        QFont font;
        ~RestoreFont() { QApplication::setFont(font); }
    } restore {before};

    bool sawChinese = false;
    for (QComboBox *box : dialog.findChildren<QComboBox *>()) {
        const QFontMetrics metrics(box->font());
        // Where a closed box draws its text: the rest is frame and arrow.
        QStyleOptionComboBox option;
        option.initFrom(box);
        option.frame = box->hasFrame();
        const int room
            = box->style()
                  ->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, box)
                  .width();
        for (int i = 0; i < box->count(); ++i) {
            const QString text = box->itemText(i);
            sawChinese = sawChinese || text.contains(QStringLiteral("幻灯片"));
            QVERIFY2(room >= metrics.horizontalAdvance(text),
                     qPrintable(QStringLiteral("%1: %2 px for '%3' (%4 px)")
                                    .arg(box->objectName())
                                    .arg(room)
                                    .arg(text)
                                    .arg(metrics.horizontalAdvance(text))));
        }
    }
    QVERIFY(sawChinese);
    for (QWidget *widget : dialog.findChildren<QWidget *>()) {
        if (!widget->isVisible()
            || !(qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLabel *>(widget)
                 || qobject_cast<QSpinBox *>(widget) || qobject_cast<QComboBox *>(widget)))
            continue;
        QVERIFY2(widget->width() >= widget->sizeHint().width(),
                 qPrintable(QStringLiteral("%1 '%2': %3 < %4")
                                .arg(QLatin1String(widget->metaObject()->className()),
                                     widget->property("text").toString())
                                .arg(widget->width())
                                .arg(widget->sizeHint().width())));
    }
    // It fits on a 1366 × 768 screen.
    QVERIFY2(dialog.width() <= 1366 && dialog.height() <= 740,
             qPrintable(QStringLiteral("%1 × %2").arg(dialog.width()).arg(dialog.height())));
}

void TestExportDialog::presetsSetTheSize()
{
    ExportDialog dialog;
    dialog.setPreset(ExportPreset::Slide16x9);
    ExportOptions options = dialog.options(0, 0, 0);
    QCOMPARE(options.width, 1920);
    QCOMPARE(options.height, 1080);
    dialog.setPreset(ExportPreset::A4);
    options = dialog.options(0, 0, 0);
    QCOMPARE(options.pdfPage, std::optional(QPageSize::A4));
    auto *width = dialog.findChild<QSpinBox *>(QStringLiteral("width"));
    QVERIFY(width && !width->isEnabled());
    dialog.setPreset(ExportPreset::Custom);
    QVERIFY(width->isEnabled());
    width->setValue(1000);
    options = dialog.options(0, 0, 0);
    QCOMPARE(options.width, 1000);
    QCOMPARE(options.height, 0); // as tall as the lanes need
    QVERIFY(!options.pdfPage);
    dialog.remember();
    ExportDialog next;
    QCOMPARE(next.preset(), ExportPreset::Custom);
    QCOMPARE(next.options(0, 0, 0).width, 1000);
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
