// SPDX-License-Identifier: MIT
// Sequence diagram at 1k, 10k and 100k messages: building the diagram (pairing
// through TraceArrows), laying it out (a label measured per row), and painting
// one screenful of rows as the view does on a scroll.
//
//   QT_QPA_PLATFORM=offscreen bench/bench_sequence
#include "core/derived/sequencediagram.h"
#include "core/tracebuilder.h"
#include "ui/sequence/sequencelayout.h"
#include "ui/sequence/sequencerenderer.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <benchmark/benchmark.h>

using namespace weft;
using namespace weft::ui;

namespace {

// Eight threads in pairs ping-pong over a channel per direction: every message
// is a send and its receive, half of them read in two pieces.
Trace pingPong(int messages)
{
    constexpr int kThreads = 8;
    TraceBuilder builder;
    builder.reserveEvents(std::size_t(messages) * 3);
    const quint32 process = builder.addProcess({1, QStringLiteral("bench")});
    std::vector<quint32> actors, channels;
    for (int i = 0; i < kThreads; ++i) {
        actors.push_back(builder.addActor(
            {QStringLiteral("Thread-%1").arg(i), 1000 + i, process, i == 0, false}));
        channels.push_back(
            builder.addObject({QStringLiteral("channel %1").arg(i), ObjectKind::Channel}));
    }
    qint64 t = 0;
    for (int m = 0; m < messages; ++m) {
        const int from = m % kThreads, to = from ^ 1;
        const quint32 channel = channels[std::size_t(from)];
        builder.addEvent(
            {t += 10, 100, actors[std::size_t(from)], channel, 0, 0, EventKind::PacketSend, 0});
        if (m % 2) {
            builder.addEvent(
                {t += 10, 60, actors[std::size_t(to)], channel, 0, 0, EventKind::PacketRecv, 0});
            builder.addEvent(
                {t += 10, 40, actors[std::size_t(to)], channel, 0, 0, EventKind::PacketRecv, 0});
        } else {
            builder.addEvent(
                {t += 10, 100, actors[std::size_t(to)], channel, 0, 0, EventKind::PacketRecv, 0});
        }
    }
    return builder.build();
}

void BM_Diagram(benchmark::State &state)
{
    const Trace trace = pingPong(int(state.range(0)));
    for (auto _ : state) {
        const SequenceDiagram diagram(trace);
        benchmark::DoNotOptimize(diagram.items().data());
    }
}

void BM_Layout(benchmark::State &state)
{
    const Trace trace = pingPong(int(state.range(0)));
    const SequenceDiagram diagram(trace);
    const Theme theme = Theme::light();
    for (auto _ : state) {
        const SequenceLayout layout(trace, diagram, theme);
        benchmark::DoNotOptimize(layout.rows().data());
    }
}

void BM_PaintScreenful(benchmark::State &state)
{
    const Trace trace = pingPong(int(state.range(0)));
    const SequenceDiagram diagram(trace);
    const Theme theme = Theme::light();
    const SequenceLayout layout(trace, diagram, theme);
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    const SequenceRenderer renderer(theme);
    const qreal top = layout.size().height() / 2; // the middle of the diagram
    for (auto _ : state) {
        QPainter painter(&image);
        painter.fillRect(image.rect(), theme.background());
        painter.translate(0, -top);
        renderer.paintRows(painter, diagram, layout, top, top + 1080, -1);
    }
}

} // namespace

BENCHMARK(BM_Diagram)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Layout)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PaintScreenful)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
