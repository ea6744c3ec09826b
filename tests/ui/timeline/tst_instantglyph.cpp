// SPDX-License-Identifier: MIT
#include "tests/common/pixelcounts.h"
#include "ui/timeline/instantglyph.h"
#include "ui/timeline/theme.h"

#include <QPainter>
#include <QTest>

using namespace weft::ui;

namespace {

constexpr int kSide = 40;

// The glyph of a kind, centred in a square of the background.
QImage glyph(const Theme &theme, InstantKind kind)
{
    QImage image(kSide, kSide, QImage::Format_RGB32);
    image.fill(theme.background());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    drawInstantGlyph(painter, theme, kind, kSide / 2.0, kSide / 2.0, 4, kSide - 4);
    return image;
}

// Which pixels the glyph covers: its shape, whatever its colours.
std::vector<bool> shape(const QImage &image, const QColor &background)
{
    std::vector<bool> covered;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            covered.push_back(image.pixelColor(x, y) != background);
    return covered;
}

} // namespace

class TestInstantGlyph : public QObject
{
    Q_OBJECT
private slots:
    void everyKindHasItsOwnShape_data();
    void everyKindHasItsOwnShape();
    void drawnInItsKindsColour();
};

void TestInstantGlyph::everyKindHasItsOwnShape_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestInstantGlyph::everyKindHasItsOwnShape()
{
    // A reader who cannot tell two marks' colours apart tells them by shape: any two
    // kinds' glyphs differ in many pixels, not in an anti-aliased edge.
    QFETCH(bool, dark);
    const Theme theme = dark ? Theme::dark() : Theme::light();
    std::vector<std::vector<bool>> shapes;
    shapes.reserve(kInstantKindCount);
    for (int k = 0; k < kInstantKindCount; ++k)
        shapes.push_back(shape(glyph(theme, InstantKind(k)), theme.background()));
    for (int a = 0; a < kInstantKindCount; ++a) {
        QVERIFY2(std::count(shapes[std::size_t(a)].begin(), shapes[std::size_t(a)].end(), true)
                     >= 30,
                 qPrintable(QString::number(a)));
        for (int b = a + 1; b < kInstantKindCount; ++b) {
            int differing = 0;
            for (std::size_t i = 0; i < shapes[std::size_t(a)].size(); ++i)
                differing += shapes[std::size_t(a)][i] != shapes[std::size_t(b)][i];
            QVERIFY2(differing >= 25,
                     qPrintable(QStringLiteral("kinds %1 and %2: %3 pixels differ")
                                    .arg(a)
                                    .arg(b)
                                    .arg(differing)));
        }
    }
}

void TestInstantGlyph::drawnInItsKindsColour()
{
    const Theme theme = Theme::light();
    for (int k = 0; k < kInstantKindCount; ++k) {
        const QImage image = glyph(theme, InstantKind(k));
        const int colour = weft::testsupport::countNear(image, image.rect(),
                                                        theme.instantColor(InstantKind(k)), 0);
        QVERIFY2(colour >= 10, qPrintable(QStringLiteral("kind %1: %2").arg(k).arg(colour)));
    }
    // A lost update is red.
    QCOMPARE(theme.instantColor(InstantKind::LostUpdate), theme.lostUpdateMark());
}

QTEST_MAIN(TestInstantGlyph)
#include "tst_instantglyph.moc"
