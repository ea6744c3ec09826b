// SPDX-License-Identifier: MIT
#include "ui/panels/paletteicon.h"
#include "ui/settings/themecontroller.h"

#include <QApplication>
#include <QPainter>
#include <QStyleFactory>
#include <QTest>

using namespace weft::ui;

namespace {

// An icon as a toolbar shows it: drawn over the window's colour.
QImage onWindow(const QIcon &icon, const QPalette &palette, int side)
{
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(palette.color(QPalette::Window));
    QPainter painter(&image);
    icon.paint(&painter, image.rect());
    return image;
}

// What tells a picture from a blank sheet: how many colours (quantised to 32 levels
// a channel, so near shades are one) each cover at least a tenth of what is drawn.
// A tinted silhouette is one colour and its anti-aliased rim.
int mainColours(const QImage &image, const QColor &background)
{
    QHash<QRgb, int> counts;
    int covered = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - background.red()) + std::abs(c.green() - background.green())
                    + std::abs(c.blue() - background.blue())
                <= 60)
                continue;
            ++covered;
            ++counts[qRgb(c.red() & 0xe0, c.green() & 0xe0, c.blue() & 0xe0)];
        }
    int main = 0;
    for (int n : std::as_const(counts))
        main += n * 10 >= covered;
    return main;
}

} // namespace

class TestPaletteIcon : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void recognisableInBothThemes_data();
    void recognisableInBothThemes();
};

void TestPaletteIcon::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

void TestPaletteIcon::recognisableInBothThemes_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<int>("which");
    for (const bool dark : {false, true})
        for (const auto &[name, which] : {std::pair {"open", QStyle::SP_DialogOpenButton},
                                          std::pair {"save", QStyle::SP_DialogSaveButton},
                                          std::pair {"play", QStyle::SP_MediaPlay}})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(
                QLatin1String(dark ? "dark" : "light"), QLatin1String(name))))
                << dark << int(which);
}

void TestPaletteIcon::recognisableInBothThemes()
{
    QFETCH(bool, dark);
    QFETCH(int, which);
    const QPalette palette
        = dark ? ThemeController::darkPalette() : ThemeController::lightPalette();
    QApplication::setPalette(palette);
    const QImage image = onWindow(paletteIcon(QStyle::StandardPixmap(which)), palette, 32);
    const QColor window = palette.color(QPalette::Window);
    int covered = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            covered += image.pixelColor(x, y) != window;
    // Something is drawn, and a folder or a disk has its parts in more than one
    // colour, not a white silhouette (a media glyph is one flat shape).
    QVERIFY2(covered >= 40, qPrintable(QString::number(covered)));
    const int colours = mainColours(image, window);
    const int needed = which == QStyle::SP_MediaPlay ? 1 : 2;
    QVERIFY2(colours >= needed, qPrintable(QString::number(colours)));
}

QTEST_MAIN(TestPaletteIcon)
#include "tst_paletteicon.moc"
