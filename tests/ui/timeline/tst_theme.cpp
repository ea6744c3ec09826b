// SPDX-License-Identifier: MIT
#include "ui/timeline/theme.h"
#include "ui/timeline/themenotifier.h"
#include "ui/timeline/timelinemodel.h"

#include <QPalette>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <array>
#include <cmath>

using namespace weft::ui;

namespace {

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor &color)
{
    auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// CIE L*a*b* (D65) of an sRGB colour, and the CIE76 distance between two.
std::array<double, 3> lab(const QColor &color)
{
    auto linear = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double r = linear(color.redF()), g = linear(color.greenF()), b = linear(color.blueF());
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    auto f = [](double t) {
        return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0;
    };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double deltaE(const QColor &a, const QColor &b)
{
    const auto p = lab(a), q = lab(b);
    return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

// A colour as a reader with a full colour-vision deficiency sees it (Machado,
// Oliveira and Fernandes 2009, severity 1, on linear RGB).
enum Deficiency { Protan, Deutan, Tritan };
QColor simulated(const QColor &color, Deficiency deficiency)
{
    static constexpr double m[3][3][3] = {{{0.152286, 1.052583, -0.204868},
                                           {0.114503, 0.786281, 0.099216},
                                           {-0.003882, -0.048116, 1.051998}},
                                          {{0.367322, 0.860646, -0.227968},
                                           {0.280085, 0.672501, 0.047413},
                                           {-0.011820, 0.042940, 0.968881}},
                                          {{1.255528, -0.076749, -0.178779},
                                           {-0.078411, 0.930809, 0.147602},
                                           {0.004733, 0.691367, 0.303900}}};
    auto linear = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    auto encoded = [](double c) {
        c = std::clamp(c, 0.0, 1.0);
        return float(c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055);
    };
    const double in[3] = {linear(color.redF()), linear(color.greenF()), linear(color.blueF())};
    double out[3];
    for (int i = 0; i < 3; ++i)
        out[i] = m[deficiency][i][0] * in[0] + m[deficiency][i][1] * in[1]
            + m[deficiency][i][2] * in[2];
    return QColor::fromRgbF(encoded(out[0]), encoded(out[1]), encoded(out[2]));
}

Theme themeNamed(const QString &name, qreal scale = 1.0)
{
    return name == QLatin1String("dark") ? Theme::dark(scale) : Theme::light(scale);
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT
private slots:
    void contrastHelperMatchesWcag();
    void textIsReadable_data();
    void textIsReadable();
    void stateColoursStaySaturatedAndDistinct_data();
    void stateColoursStaySaturatedAndDistinct();
    void paletteEntriesArePairwiseDistinct_data();
    void paletteEntriesArePairwiseDistinct();
    void variantsDiffer();
    void scaleGrowsEverySize_data();
    void scaleGrowsEverySize();
    void scaleIsClamped();
    void forPaletteFollowsTheWindowColour();
    void setCurrentAnnouncesAndUpdatesTheReference();
};

void TestTheme::contrastHelperMatchesWcag()
{
    // Known values: black on white is 21:1, equal colours 1:1, #777 on white about 4.48:1.
    QCOMPARE(qRound(contrast(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(contrast(Qt::red, Qt::red), 1.0);
    QVERIFY(std::abs(contrast(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
}

void TestTheme::textIsReadable_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("pair");
    for (const char *variant : {"light", "dark"}) {
        for (const char *pair :
             {"text/background", "text/alternateRow", "mutedText/background",
              "mutedText/alternateRow", "text/groupHeader", "text/rulerBackground",
              "text/selectedRow", "text/labelBackground"})
            QTest::newRow(qPrintable(
                QStringLiteral("%1 %2").arg(QLatin1String(variant), QLatin1String(pair))))
                << QString::fromLatin1(variant) << QString::fromLatin1(pair);
    }
}

void TestTheme::textIsReadable()
{
    QFETCH(QString, variant);
    QFETCH(QString, pair);
    const Theme theme = themeNamed(variant);
    auto color = [&](const QString &name) {
        if (name == QLatin1String("text"))
            return theme.text();
        if (name == QLatin1String("mutedText"))
            return theme.mutedText();
        if (name == QLatin1String("background"))
            return theme.background();
        if (name == QLatin1String("alternateRow"))
            return theme.alternateRow();
        if (name == QLatin1String("groupHeader"))
            return theme.groupHeader();
        if (name == QLatin1String("rulerBackground"))
            return theme.rulerBackground();
        if (name == QLatin1String("selectedRow"))
            return theme.selectedRow();
        // A translucent label box over the background.
        const QColor box = theme.labelBackground(), bg = theme.background();
        const qreal a = box.alphaF();
        return QColor::fromRgbF(float(box.redF() * a + bg.redF() * (1 - a)),
                                float(box.greenF() * a + bg.greenF() * (1 - a)),
                                float(box.blueF() * a + bg.blueF() * (1 - a)));
    };
    const QStringList names = pair.split(QLatin1Char('/'));
    const double ratio = contrast(color(names[0]), color(names[1]));
    QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1: %2:1").arg(pair).arg(ratio, 0, 'f', 2)));
}

void TestTheme::stateColoursStaySaturatedAndDistinct_data()
{
    QTest::addColumn<QString>("variant");
    QTest::newRow("light") << QStringLiteral("light");
    QTest::newRow("dark") << QStringLiteral("dark");
}

void TestTheme::stateColoursStaySaturatedAndDistinct()
{
    QFETCH(QString, variant);
    const Theme theme = themeNamed(variant);
    for (int s = 0; s < int(LaneState::Count); ++s) {
        const auto state = LaneState(s);
        if (state == LaneState::Finished)
            continue; // grey on purpose: the thread is gone
        const QColor c = theme.stateColor(state);
        QVERIFY2(c.hsvSaturationF() >= 0.4, qPrintable(theme.stateName(state)));
        // Visible as a shape against the background (WCAG non-text minimum is 3:1;
        // the pale "sleeping" and orange "I/O" keep the light theme's long-used 2:1).
        // "Starting" is pale yellow on purpose: its hatch is what outlines it.
        const QColor shape = state == LaneState::Starting ? theme.startingHatch() : c;
        QVERIFY2(contrast(shape, theme.background()) >= 2.0, qPrintable(theme.stateName(state)));
    }
    // Told apart by readers with protanopia, deuteranopia or tritanopia too.
    for (int a = 0; a < int(LaneState::Count); ++a)
        for (int b = a + 1; b < int(LaneState::Count); ++b)
            for (const Deficiency deficiency : {Protan, Deutan, Tritan}) {
                const double d = deltaE(simulated(theme.stateColor(LaneState(a)), deficiency),
                                        simulated(theme.stateColor(LaneState(b)), deficiency));
                QVERIFY2(d >= 10,
                         qPrintable(
                             QStringLiteral("%1 / %2 (deficiency %3): %4")
                                 .arg(theme.stateName(LaneState(a)), theme.stateName(LaneState(b)))
                                 .arg(int(deficiency))
                                 .arg(d, 0, 'f', 1)));
            }
    // The finished line still shows on the background.
    QVERIFY(contrast(theme.stateColor(LaneState::Finished), theme.background()) >= 1.5);
}

void TestTheme::paletteEntriesArePairwiseDistinct_data()
{
    QTest::addColumn<QString>("variant");
    QTest::newRow("light") << QStringLiteral("light");
    QTest::newRow("dark") << QStringLiteral("dark");
}

void TestTheme::paletteEntriesArePairwiseDistinct()
{
    // One meaning per colour: no state, kind of mark or lock band shares a colour
    // with another (CIE76 distance >= 18: plainly different side by side).
    QFETCH(QString, variant);
    const Theme theme = themeNamed(variant);
    std::vector<std::pair<QString, QColor>> entries;
    entries.reserve(std::size_t(LaneState::Count) + kInstantKindCount + Theme::kObjectColorCount);
    for (int s = 0; s < int(LaneState::Count); ++s)
        entries.emplace_back(QStringLiteral("state ") + theme.stateName(LaneState(s)),
                             theme.stateColor(LaneState(s)));
    for (int k = 0; k < kInstantKindCount; ++k)
        entries.emplace_back(QStringLiteral("mark %1").arg(k), theme.instantColor(InstantKind(k)));
    for (int l = 0; l < Theme::kObjectColorCount; ++l)
        entries.emplace_back(QStringLiteral("lock %1").arg(l), theme.objectColor(quint32(l)));
    for (std::size_t i = 0; i < entries.size(); ++i)
        for (std::size_t j = i + 1; j < entries.size(); ++j) {
            const double d = deltaE(entries[i].second, entries[j].second);
            QVERIFY2(d >= 18,
                     qPrintable(QStringLiteral("%1 %2 / %3 %4: %5")
                                    .arg(entries[i].first, entries[i].second.name(),
                                         entries[j].first, entries[j].second.name())
                                    .arg(d, 0, 'f', 1)));
        }
    // Lost updates are red: a red hue, saturated.
    const QColor lost = theme.lostUpdateMark();
    QVERIFY2(lost.hsvHue() >= 340 || lost.hsvHue() <= 8, qPrintable(lost.name()));
    QVERIFY(lost.hsvSaturationF() >= 0.8);
}

void TestTheme::variantsDiffer()
{
    QVERIFY(!Theme::light().isDark());
    QVERIFY(Theme::dark().isDark());
    QVERIFY(Theme::light().background().lightness() > 200);
    QVERIFY(Theme::dark().background().lightness() < 60);
    QVERIFY(Theme::dark().text().lightness() > 200);
    QCOMPARE(Theme::make(Theme::Variant::Dark).background(), Theme::dark().background());
}

void TestTheme::scaleGrowsEverySize_data()
{
    QTest::addColumn<QString>("variant");
    QTest::newRow("light") << QStringLiteral("light");
    QTest::newRow("dark") << QStringLiteral("dark");
}

void TestTheme::scaleGrowsEverySize()
{
    QFETCH(QString, variant);
    const Theme normal = themeNamed(variant, 1.0);
    const Theme doubled = themeNamed(variant, 2.0);
    QCOMPARE(doubled.scale(), 2.0);
    QCOMPARE(doubled.laneHeight(), 2 * normal.laneHeight());
    QCOMPARE(doubled.stateBarHeight(), 2 * normal.stateBarHeight());
    QCOMPARE(doubled.stateBarTop(), 2 * normal.stateBarTop());
    QCOMPARE(doubled.lockBandHeight(), 2 * normal.lockBandHeight());
    QCOMPARE(doubled.groupHeaderHeight(), 2 * normal.groupHeaderHeight());
    QCOMPARE(doubled.counterHeight(), 2 * normal.counterHeight());
    QCOMPARE(doubled.rulerHeight(), 2 * normal.rulerHeight());
    QCOMPARE(doubled.titleHeight(), 2 * normal.titleHeight());
    QCOMPARE(doubled.labelWidth(), 2 * normal.labelWidth());
    QCOMPARE(doubled.font().pixelSize(), 2 * normal.font().pixelSize());
    QCOMPARE(doubled.boldFont().pixelSize(), 2 * normal.boldFont().pixelSize());
    QCOMPARE(doubled.smallFont().pixelSize(), 2 * normal.smallFont().pixelSize());
    QCOMPARE(doubled.titleFont().pixelSize(), 2 * normal.titleFont().pixelSize());
    QCOMPARE(doubled.px(7), 14.0);
    // Colours do not depend on the scale.
    QCOMPARE(doubled.stateColor(LaneState::Running), normal.stateColor(LaneState::Running));
    // 100 % is the design size.
    QCOMPARE(normal.laneHeight(), 28);
    QCOMPARE(normal.font().pixelSize(), 13);
}

void TestTheme::scaleIsClamped()
{
    QCOMPARE(Theme::light(10).scale(), Theme::kMaxScale);
    QCOMPARE(Theme::dark(0.2).scale(), Theme::kMinScale);
}

void TestTheme::forPaletteFollowsTheWindowColour()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x30, 0x30, 0x30));
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    QVERIFY(Theme::forPalette(dark).isDark());
    QVERIFY(!Theme::forPalette(light).isDark());
    QCOMPARE(Theme::forPalette(dark, 1.5).scale(), 1.5);
    // The threshold: lightness 127 is dark, 128 is light.
    dark.setColor(QPalette::Window, QColor(127, 127, 127));
    light.setColor(QPalette::Window, QColor(128, 128, 128));
    QVERIFY(Theme::isDarkPalette(dark));
    QVERIFY(!Theme::isDarkPalette(light));
}

void TestTheme::setCurrentAnnouncesAndUpdatesTheReference()
{
    const Theme before = Theme::current();
    const Theme &live = Theme::current();
    QSignalSpy spy(ThemeNotifier::instance(), &ThemeNotifier::themeChanged);
    Theme::setCurrent(Theme::dark(2.0));
    QCOMPARE(spy.count(), 1);
    QVERIFY(live.isDark()); // renderers keep this reference
    QCOMPARE(live.laneHeight(), 56);
    QVERIFY(Theme::standard().isDark()); // the old name still means "current"
    Theme::setCurrent(before);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(live.isDark(), before.isDark());
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
