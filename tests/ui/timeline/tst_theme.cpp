// SPDX-License-Identifier: MIT
#include "ui/timeline/theme.h"
#include "ui/timeline/themenotifier.h"
#include "ui/timeline/timelinemodel.h"

#include <QPalette>
#include <QSignalSpy>
#include <QTest>
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
    std::vector<QColor> live;
    for (int s = 0; s < int(LaneState::Count); ++s) {
        if (LaneState(s) == LaneState::Finished)
            continue; // grey on purpose: the thread is gone
        const QColor c = theme.stateColor(LaneState(s));
        QVERIFY2(c.hsvSaturationF() >= 0.4, qPrintable(theme.stateName(LaneState(s))));
        // Visible as a shape against the background (WCAG non-text minimum is 3:1;
        // the pale "sleeping" and amber "I/O" keep the light theme's long-used 2:1).
        QVERIFY2(contrast(c, theme.background()) >= 2.0, qPrintable(theme.stateName(LaneState(s))));
        live.push_back(c);
    }
    for (std::size_t i = 0; i < live.size(); ++i)
        for (std::size_t j = i + 1; j < live.size(); ++j) {
            const int distance = std::abs(live[i].red() - live[j].red())
                + std::abs(live[i].green() - live[j].green())
                + std::abs(live[i].blue() - live[j].blue());
            QVERIFY2(distance > 90,
                     qPrintable(QStringLiteral("states %1 and %2 too close").arg(i).arg(j)));
        }
    // A lock band never reads as a state: its colour is far from every live state's.
    for (quint32 object = 0; object < 8; ++object)
        for (const QColor &state : live) {
            const QColor band = theme.objectColor(object);
            const int distance = std::abs(band.red() - state.red())
                + std::abs(band.green() - state.green()) + std::abs(band.blue() - state.blue());
            QVERIFY2(
                distance > 60,
                qPrintable(QStringLiteral("lock colour %1 vs %2").arg(band.name(), state.name())));
        }
    // The finished line still shows on the background.
    QVERIFY(contrast(theme.stateColor(LaneState::Finished), theme.background()) >= 1.5);
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
