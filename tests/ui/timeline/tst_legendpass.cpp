// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/legendpass.h"

#include <QTest>
#include <algorithm>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;

namespace {

const QSize kSize(1000, 320);

RenderOptions legend(bool show, qint64 toNs = 120)
{
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = toNs;
    options.layout.showLegend = show;
    return options;
}

} // namespace

class TestLegendPass : public QObject
{
    Q_OBJECT
private slots:
    void swatchOfEveryStateInTheLegendRect_data();
    void swatchOfEveryStateInTheLegendRect();
    void swatchOfTheLockUsed();
    void onlyWhatTheWindowShows();
    void aLostUpdateIsRedAndSaysSo();
    void nothingAboveTheLegend();
    void nothingWhenNotShown();

private:
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const TimelineModel m_model {m_sample.trace};
};

void TestLegendPass::swatchOfEveryStateInTheLegendRect_data()
{
    QTest::addColumn<int>("state");
    for (int s = 0; s < int(LaneState::Count); ++s)
        // The sample starts no process and was not stepped (no thread paused by the user).
        if (LaneState(s) != LaneState::Starting && LaneState(s) != LaneState::Paused)
            QTest::newRow(qPrintable(Theme::light().stateName(LaneState(s)))) << s;
}

void TestLegendPass::swatchOfEveryStateInTheLegendRect()
{
    QFETCH(int, state);
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, legend(true), kSize);
    const QImage image = probe.renderPass(LegendPass());
    const QRect rect = probe.layout().legendRect().toAlignedRect();
    QVERIFY(!rect.isEmpty());
    // A bar swatch is a solid block of the state's colour, not a few stray pixels;
    // "finished" is the thin line the lane ends in.
    const int swatch = testsupport::countNear(image, rect, theme.stateColor(LaneState(state)), 0);
    const qreal height = LaneState(state) == LaneState::Finished ? theme.px(3) : theme.px(14);
    QVERIFY2(swatch >= theme.px(14) * height, qPrintable(QString::number(swatch)));
}

void TestLegendPass::swatchOfTheLockUsed()
{
    // The sample holds lock L: the legend shows its band colour.
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, legend(true), kSize);
    const QImage image = probe.renderPass(LegendPass());
    const int band = testsupport::countNear(image, probe.layout().legendRect().toAlignedRect(),
                                            theme.objectColor(m_sample.lock), 0);
    QVERIFY2(band >= theme.px(14) * theme.px(4), qPrintable(QString::number(band)));
}

void TestLegendPass::onlyWhatTheWindowShows()
{
    // 0..28 of the sample: lanes start, run, main waits in join; nothing sleeps, waits
    // on I/O, holds L (from 30) or prints (at 40).
    const Theme theme = Theme::light();
    QStringList texts;
    for (const LegendPass::Entry &entry : LegendPass::entries(m_model, theme, 0, 28))
        texts << entry.text;
    QVERIFY2(texts.contains(theme.stateName(LaneState::Running)), qPrintable(texts.join(',')));
    QVERIFY(texts.contains(theme.stateName(LaneState::WaitingJoin)));
    for (const LaneState absent : {LaneState::Starting, LaneState::Sleeping, LaneState::WaitingIo,
                                   LaneState::BlockedOnLock, LaneState::Finished})
        QVERIFY2(!texts.contains(theme.stateName(absent)), qPrintable(texts.join(',')));
    QVERIFY(!texts.contains(QStringLiteral("print")));
    QVERIFY(!texts.contains(QStringLiteral("holds L")));
    QVERIFY(!texts.contains(QStringLiteral("waits for the lock's owner")));
    // The whole sample has them all.
    QStringList all;
    for (const LegendPass::Entry &entry : LegendPass::entries(m_model, theme))
        all << entry.text;
    QVERIFY2(all.contains(theme.stateName(LaneState::WaitingIo)), qPrintable(all.join(',')));
    QVERIFY(all.contains(QStringLiteral("print")));
    // ... and its lock (the whole trace starts at the smallest time: no overflow
    // may lose the bands, or the layout reserves a legend a row too short).
    QVERIFY2(all.contains(QStringLiteral("holds L")), qPrintable(all.join(',')));
    // Every entry of a window is in the whole trace's legend, which sizes it.
    for (const LegendPass::Entry &entry : LegendPass::entries(m_model, theme, 0, 28))
        QVERIFY2(all.contains(entry.text), qPrintable(entry.text));

    // And the picture of that window: no swatch of the I/O wait's colour.
    const RenderProbe probe(m_model, theme, legend(true, 28), kSize);
    const QImage image = probe.renderPass(LegendPass());
    const QRect rect = probe.layout().legendRect().toAlignedRect();
    QCOMPARE(testsupport::countNear(image, rect, theme.stateColor(LaneState::WaitingIo), 0), 0);
    QVERIFY(testsupport::countNear(image, rect, theme.stateColor(LaneState::Running), 0) > 100);
}

void TestLegendPass::aLostUpdateIsRedAndSaysSo()
{
    TraceBuilder b;
    const quint32 p = b.addProcess({1, QStringLiteral("p")});
    const quint32 t = b.addActor({QStringLiteral("T1"), 1, p, true, false});
    const quint32 counter = b.addObject({QStringLiteral("counter"), ObjectKind::Counter});
    b.addEvent({0, 0, t, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    b.addEvent({50, 1, t, counter, b.intern(QStringLiteral("lost update: read 3, wrote 4 over 4")),
                0, EventKind::Mark, Abnormal});
    b.addEvent({100, 0, t, 0, 0, 0, EventKind::ThreadEnd, NoFlags});
    const TimelineModel model(b.build());
    const Theme theme = Theme::light();
    const auto entries = LegendPass::entries(model, theme);
    const auto lost = std::find_if(entries.begin(), entries.end(), [](const auto &entry) {
        return entry.text == QLatin1String("lost update");
    });
    QVERIFY(lost != entries.end());
    QCOMPARE(lost->color, theme.lostUpdateMark());
    QCOMPARE(lost->swatch, LegendPass::Swatch::Glyph);
    QCOMPARE(lost->glyph, InstantKind::LostUpdate);
    QVERIFY(std::none_of(entries.begin(), entries.end(),
                         [](const auto &entry) { return entry.text == QLatin1String("mark"); }));
    // Drawn red in the legend.
    const RenderProbe probe(model, theme, legend(true, 100), kSize);
    const QImage image = probe.renderPass(LegendPass());
    const int red = testsupport::countNear(image, probe.layout().legendRect().toAlignedRect(),
                                           theme.lostUpdateMark(), 0);
    QVERIFY2(red >= theme.px(8) * theme.px(8), qPrintable(QString::number(red)));
}

void TestLegendPass::nothingAboveTheLegend()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, legend(true), kSize);
    const QImage image = probe.renderPass(LegendPass());
    const QRectF rect = probe.layout().legendRect();
    const QRect above
        = QRectF(QPointF(0, 0), QPointF(kSize.width(), rect.top() - 1)).toAlignedRect();
    QCOMPARE(testsupport::countOther(image, above, theme.background()), 0);
}

void TestLegendPass::nothingWhenNotShown()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, legend(false), kSize);
    QCOMPARE(probe.renderPass(LegendPass()), probe.background());
}

QTEST_MAIN(TestLegendPass)
#include "tst_legendpass.moc"
