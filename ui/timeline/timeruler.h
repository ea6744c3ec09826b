// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <functional>
#include <vector>

namespace weft::ui {

// Tick positions and labels for a time axis in sensible units (ns, µs, ms, s):
// steps of 1, 2 or 5 times a power of ten, at least minSpacingPx apart. One
// ruler speaks one unit, the unit of its largest label ("0 ms, 0.2 ms … 1.0 ms",
// never "0 µs … 1.0 ms").
class TimeRuler
{
public:
    struct Tick
    {
        qint64 timeNs = 0;
        bool major = false;
        QString label; // only on major ticks
    };

    // Step in ns between major ticks so that they are at least minSpacingPx apart.
    static qint64 majorStep(qint64 windowNs, double widthPx, double minSpacingPx = 90.0);
    // Ticks for [fromNs, toNs]; labels are relative to originNs (the trace's start).
    static std::vector<Tick> ticks(qint64 fromNs, qint64 toNs, double widthPx, qint64 originNs,
                                   double minSpacingPx = 90.0);
    // The ticks whose labels, as wide as labelWidth says, never overlap: the
    // step grows until the widest label plus gapPx fits between two majors, so
    // labels stay evenly spaced at any text size.
    using LabelWidth = std::function<double(const QString &)>;
    static std::vector<Tick> ticks(qint64 fromNs, qint64 toNs, double widthPx, qint64 originNs,
                                   const LabelWidth &labelWidth, double gapPx);
    // "250 µs", "1.5 ms", "2 s": the unit chosen from step so labels stay short.
    static QString formatTime(qint64 ns, qint64 step);
    // A duration for tooltips and summaries, e.g. "12.3 ms".
    static QString formatDuration(qint64 ns);

private:
    static std::vector<Tick> ticksWithStep(qint64 fromNs, qint64 toNs, qint64 originNs,
                                           qint64 step);
    static QString formatIn(qint64 ns, qint64 step, qint64 unitNs);
};

} // namespace weft::ui
