// SPDX-License-Identifier: MIT
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/playheadpass.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;

namespace {

const QSize kSize(1000, 240);
constexpr qint64 kPlayhead = 40;

RenderOptions playheadAt(qint64 ns, bool dim)
{
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = 120;
    options.showPlayhead = true;
    options.playheadNs = ns;
    options.dimAfterPlayhead = dim;
    return options;
}

} // namespace

class TestPlayheadPass : public QObject
{
    Q_OBJECT
private slots:
    void lineAndHandleAtThePlayhead();
    void dimsOnlyAfterThePlayhead();
    void undimmedUnlessAsked();
    void nothingUnlessShown();

private:
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const TimelineModel m_model {m_sample.trace};
};

void TestPlayheadPass::lineAndHandleAtThePlayhead()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, playheadAt(kPlayhead, false), kSize);
    const QImage image = probe.renderPass(PlayheadPass());
    const QRectF plot = probe.layout().plotRect(), ruler = probe.layout().rulerRect();
    const qreal x = probe.x(kPlayhead);
    // The line crosses the plot; the handle hangs from the ruler's top edge.
    for (qreal y : {plot.top() + 2, plot.center().y(), plot.bottom() - 2})
        QVERIFY2(testsupport::countNear(image, testsupport::around(QPointF(x, y).toPoint(), 1),
                                        theme.playhead(), 0)
                     > 0,
                 qPrintable(QString::number(y)));
    QCOMPARE(image.pixelColor(QPointF(x, ruler.top() + theme.px(4)).toPoint()), theme.playhead());
    // Elsewhere nothing: the playhead is a line, not a band.
    QCOMPARE(testsupport::countOther(
                 image,
                 QRectF(QPointF(x + theme.px(10), plot.top()), plot.bottomRight()).toAlignedRect(),
                 theme.background()),
             0);
}

void TestPlayheadPass::dimsOnlyAfterThePlayhead()
{
    // Over a picture of one colour, the future turns paler and the past stays.
    const Theme theme = Theme::light();
    const QColor running = theme.stateColor(LaneState::Running);
    const RenderProbe probe(m_model, theme, playheadAt(kPlayhead, true), kSize);
    const QImage image = probe.renderPass(PlayheadPass(), running);
    const int y = qRound(probe.layout().plotRect().center().y());
    const QColor dimmed = testsupport::over(running, theme.dimOverlay());
    QVERIFY(dimmed.lightness() > running.lightness());
    QCOMPARE(image.pixelColor(qRound(probe.x(20)), y), running);
    QCOMPARE(image.pixelColor(qRound(probe.x(90)), y), dimmed);
    // Only the plot: the label column left of it keeps its colour.
    QCOMPARE(image.pixelColor(qRound(probe.layout().labelsRect().center().x()), y), running);
}

void TestPlayheadPass::undimmedUnlessAsked()
{
    const Theme theme = Theme::light();
    const QColor running = theme.stateColor(LaneState::Running);
    const RenderProbe probe(m_model, theme, playheadAt(kPlayhead, false), kSize);
    const QImage image = probe.renderPass(PlayheadPass(), running);
    QCOMPARE(image.pixelColor(qRound(probe.x(90)), qRound(probe.layout().plotRect().center().y())),
             running);
}

void TestPlayheadPass::nothingUnlessShown()
{
    const Theme theme = Theme::light();
    RenderOptions options = playheadAt(kPlayhead, true);
    options.showPlayhead = false;
    const RenderProbe probe(m_model, theme, options, kSize);
    QCOMPARE(probe.renderPass(PlayheadPass()), probe.background());
}

QTEST_MAIN(TestPlayheadPass)
#include "tst_playheadpass.moc"
