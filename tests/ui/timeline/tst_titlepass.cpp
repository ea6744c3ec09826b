// SPDX-License-Identifier: MIT
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/titlepass.h"

#include <QFontMetricsF>
#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;

namespace {

const QSize kSize(1000, 300);

RenderOptions titled(bool show, const QString &title = QStringLiteral("Sample"),
                     const QString &subtitle = QStringLiteral("all good"))
{
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = 120;
    options.layout.showTitle = show;
    options.layout.subtitle = subtitle; // the layout sizes the title band for it
    options.title = title;
    options.subtitle = subtitle;
    return options;
}

} // namespace

class TestTitlePass : public QObject
{
    Q_OBJECT
private slots:
    void titleAndSubtitleInTheTitleRect();
    void theTextIsTheTitle();
    void nothingWhenNotShown();

private:
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const TimelineModel m_model {m_sample.trace};
};

void TestTitlePass::titleAndSubtitleInTheTitleRect()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, titled(true), kSize);
    const QImage image = probe.renderPass(TitlePass());
    const QRectF rect = probe.layout().titleRect();
    QVERIFY(rect.isValid());
    // The title's line (as tall as its font) in the text colour, the subtitle
    // under it in the muted one.
    const qreal split = rect.top() + theme.px(4) + QFontMetricsF(theme.titleFont()).height();
    const QRect titleLine = QRectF(rect.topLeft(), QPointF(rect.right(), split)).toAlignedRect();
    const QRect subtitleLines
        = QRectF(QPointF(rect.left(), split), rect.bottomRight()).toAlignedRect();
    const int title = testsupport::countNear(image, titleLine, theme.text(), 40);
    const int subtitle = testsupport::countNear(image, subtitleLines, theme.mutedText(), 40);
    QVERIFY2(title > 50, qPrintable(QString::number(title)));
    QVERIFY2(subtitle > 20, qPrintable(QString::number(subtitle)));
    // Nothing outside its rect.
    const QRect rest = QRectF(QPointF(0, rect.bottom() + 1), QPointF(kSize.width(), kSize.height()))
                           .toAlignedRect();
    QCOMPARE(testsupport::countOther(image, rest, theme.background()), 0);
}

void TestTitlePass::theTextIsTheTitle()
{
    // Another title paints other pixels: the pass draws the options' text.
    const Theme theme = Theme::light();
    const RenderProbe sample(m_model, theme, titled(true), kSize);
    const RenderProbe other(m_model, theme, titled(true, QStringLiteral("Something else entirely")),
                            kSize);
    QVERIFY(sample.renderPass(TitlePass()) != other.renderPass(TitlePass()));
}

void TestTitlePass::nothingWhenNotShown()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, titled(false), kSize);
    QVERIFY(!probe.layout().titleRect().isValid());
    QCOMPARE(probe.renderPass(TitlePass()), probe.background());
}

QTEST_MAIN(TestTitlePass)
#include "tst_titlepass.moc"
