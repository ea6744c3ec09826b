// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "tests/common/renderprobe.h"
#include "ui/timeline/lostupdatepass.h"
#include "ui/timeline/pendingactionpass.h"
#include "ui/timeline/timelinerenderer.h"

#include <QPainter>
#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;
using weft::testsupport::window;

class TestLostUpdatePass : public QObject
{
    Q_OBJECT
private slots:
    void theCalloutNamesWhoOverwroteWhom();
    void theCalloutStandsBesideTheLatestMark();
    void theCalloutNeverCoversAStepChip();
    void manyLostUpdatesGetNoCallout();

private:
    // T1 and T2 read 0; T1 writes 1; T2 writes 1 over it: T1's update is lost.
    // `extra` more lost updates follow, one every 10 ns.
    static Trace makeRace(int extra = 0, bool ended = true);
    static const PlacedLabel *callout(const LabelPlacer &labels);
};

Trace TestLostUpdatePass::makeRace(int extra, bool ended)
{
    TraceBuilder b;
    const quint32 p = b.addProcess({1, QStringLiteral("p")});
    const quint32 t1 = b.addActor({QStringLiteral("T1"), 1, p, false, false});
    const quint32 t2 = b.addActor({QStringLiteral("T2"), 2, p, false, false});
    const quint32 counter = b.addObject({QStringLiteral("counter"), ObjectKind::Counter});
    const quint32 lost = b.intern(QStringLiteral("lost update: read 0, wrote 1 over 1"));
    auto add = [&](qint64 t, quint32 actor, EventKind kind, qint64 value = 0, quint32 text = 0,
                   quint8 flags = NoFlags) {
        b.addEvent({t, value, actor, counter, text, 0, kind, flags});
    };
    b.addEvent({0, 0, t1, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    b.addEvent({0, 0, t2, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    add(10, t1, EventKind::CounterValue, 1);
    add(20, t2, EventKind::CounterValue, 1);
    add(20, t2, EventKind::Mark, 0, lost, Abnormal);
    for (int i = 0; i < extra; ++i)
        add(30 + 10 * i, i % 2 ? t2 : t1, EventKind::Mark, 0, lost, Abnormal);
    if (ended) {
        b.addEvent({400, 0, t1, 0, 0, 0, EventKind::ThreadEnd, NoFlags});
        b.addEvent({400, 0, t2, 0, 0, 0, EventKind::ThreadEnd, NoFlags});
    }
    return b.build();
}

const PlacedLabel *TestLostUpdatePass::callout(const LabelPlacer &labels)
{
    for (const PlacedLabel &label : labels.placed()) {
        if (label.text.contains(QStringLiteral("an update is lost")))
            return &label;
    }
    return nullptr;
}

void TestLostUpdatePass::theCalloutNamesWhoOverwroteWhom()
{
    const Trace trace = makeRace();
    const int mark = int(trace.events().size()) - 3; // the Mark, before the two ends
    QCOMPARE(trace.events()[std::size_t(mark)].kind, EventKind::Mark);
    QCOMPARE(LostUpdatePass::calloutText(trace, mark),
             QStringLiteral("T2 overwrote T1's write: an update is lost"));
}

void TestLostUpdatePass::theCalloutStandsBesideTheLatestMark()
{
    const TimelineModel model(makeRace());
    const Theme theme = Theme::light();
    const RenderProbe probe(model, theme, window(0, 400), QSize(1200, 300));
    TimelineRenderer renderer(theme);
    QImage image(1200, 300, QImage::Format_ARGB32);
    QPainter painter(&image);
    renderer.render(painter, QRectF(0, 0, 1200, 300), model, window(0, 400));
    const PlacedLabel *label = callout(renderer.lastLabels());
    QVERIFY(label);
    QCOMPARE(label->text, QStringLiteral("T2 overwrote T1's write: an update is lost"));
    // On T2's row, just right of the mark at 20.
    const QPoint mark = probe.barPoint(model.laneIndexOf(model.trace().findActor("T2")), 20);
    QVERIFY(label->rect.left() > mark.x());
    QVERIFY(label->rect.left() - mark.x() < theme.px(20));
    QVERIFY(label->rect.top() <= mark.y() && label->rect.bottom() >= mark.y());
}

void TestLostUpdatePass::theCalloutNeverCoversAStepChip()
{
    const TimelineModel model(makeRace(0, false));
    const Theme theme = Theme::light();
    // A live run: T2's chip stands at the lane's end, right where the callout would go.
    RenderOptions options = window(0, 60);
    options.pending = {{model.trace().findActor("T2"), QStringLiteral("write counter = 2"), {}}};
    TimelineModel live(model.trace());
    live.setLiveEnd(21);
    TimelineRenderer renderer(theme);
    QImage image(900, 300, QImage::Format_ARGB32);
    QPainter painter(&image);
    renderer.render(painter, QRectF(0, 0, 900, 300), live, options);
    const PlacedLabel *label = callout(renderer.lastLabels());
    QVERIFY(label);
    bool chipSeen = false;
    for (const PlacedLabel &other : renderer.lastLabels().placed()) {
        if (other.text.contains(QStringLiteral("write counter = 2"))) {
            chipSeen = true;
            QVERIFY(!other.rect.intersects(label->rect));
        }
    }
    QVERIFY(chipSeen);
}

void TestLostUpdatePass::manyLostUpdatesGetNoCallout()
{
    const TimelineModel model(makeRace(LostUpdatePass::kMaxCallouts));
    const Theme theme = Theme::light(); // the renderer keeps a reference: not a temporary
    TimelineRenderer renderer(theme);
    QImage image(1200, 300, QImage::Format_ARGB32);
    QPainter painter(&image);
    renderer.render(painter, QRectF(0, 0, 1200, 300), model, window(0, 400));
    QVERIFY(!callout(renderer.lastLabels()));
}

QTEST_MAIN(TestLostUpdatePass)
#include "tst_lostupdatepass.moc"
