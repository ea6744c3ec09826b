// SPDX-License-Identifier: MIT
#include "timeruler.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace weft::ui {

qint64 TimeRuler::majorStep(qint64 windowNs, double widthPx, double minSpacingPx)
{
    if (windowNs <= 0 || widthPx <= 0)
        return 1;
    const double minStep = double(windowNs) * minSpacingPx / widthPx;
    qint64 power = 1;
    while (true) {
        for (qint64 m : {1, 2, 5}) {
            if (double(power * m) >= minStep)
                return power * m;
        }
        if (power > (qint64(1) << 60) / 10)
            return power;
        power *= 10;
    }
}

namespace {

struct Unit
{
    qint64 ns;
    const char *name;
};
constexpr Unit kUnits[] = {{1000000000, "s"}, {1000000, "ms"}, {1000, "µs"}, {1, "ns"}};

const Unit &unitOf(qint64 ns)
{
    for (const Unit &unit : kUnits) {
        if (ns == unit.ns)
            return unit;
    }
    return kUnits[3];
}

// The step after `step` in the 1, 2, 5 series.
qint64 nextStep(qint64 step)
{
    qint64 power = 1;
    while (power * 10 <= step)
        power *= 10;
    const qint64 m = step / power;
    return m < 2 ? 2 * power : m < 5 ? 5 * power : 10 * power;
}

} // namespace

std::vector<TimeRuler::Tick> TimeRuler::ticks(qint64 fromNs, qint64 toNs, double widthPx,
                                              qint64 originNs, double minSpacingPx)
{
    if (toNs <= fromNs || widthPx <= 0)
        return {};
    return ticksWithStep(fromNs, toNs, originNs, majorStep(toNs - fromNs, widthPx, minSpacingPx));
}

std::vector<TimeRuler::Tick> TimeRuler::ticks(qint64 fromNs, qint64 toNs, double widthPx,
                                              qint64 originNs, const LabelWidth &labelWidth,
                                              double gapPx)
{
    if (toNs <= fromNs || widthPx <= 0)
        return {};
    const double pxPerNs = widthPx / double(toNs - fromNs);
    // Start where a short label could fit, so a wide window makes few candidates.
    qint64 step = majorStep(toNs - fromNs, widthPx, 24.0);
    for (int tries = 0; tries < 64; ++tries) {
        std::vector<Tick> result = ticksWithStep(fromNs, toNs, originNs, step);
        double widest = 0;
        for (const Tick &tick : result) {
            if (tick.major)
                widest = std::max(widest, labelWidth(tick.label));
        }
        if (double(step) * pxPerNs >= widest + gapPx || step > (qint64(1) << 60) / 10)
            return result;
        step = nextStep(step);
    }
    return {};
}

std::vector<TimeRuler::Tick> TimeRuler::ticksWithStep(qint64 fromNs, qint64 toNs, qint64 originNs,
                                                      qint64 step)
{
    std::vector<Tick> result;
    const qint64 minor = step / 5 > 0 ? step / 5 : step;
    // Ticks on round multiples of the step relative to the trace's start.
    auto floorDiv = [](qint64 a, qint64 b) {
        return a >= 0 ? a / b : -((-a + b - 1) / b);
    };
    qint64 largest = 0; // the largest label's magnitude picks the ruler's unit
    qint64 t = originNs + floorDiv(fromNs - originNs, minor) * minor;
    for (; t <= toNs && result.size() < 2000; t += minor) {
        if (t < fromNs)
            continue;
        const qint64 rel = t - originNs;
        const bool major = rel % step == 0;
        if (major)
            largest = std::max(largest, std::llabs(rel));
        result.push_back({t, major, QString()});
    }
    qint64 unit = kUnits[3].ns;
    for (const Unit &u : kUnits) {
        if (largest >= u.ns || step >= u.ns) {
            unit = u.ns;
            break;
        }
    }
    // Never more than three decimals: a deep zoom far from the start speaks a finer unit.
    // (unit / 1000 > step rather than unit > step * 1000: a step of years would overflow.)
    while (unit > 1 && unit / 1000 > step)
        unit /= 1000;
    for (Tick &tick : result) {
        if (tick.major)
            tick.label = formatIn(tick.timeNs - originNs, step, unit);
    }
    return result;
}

QString TimeRuler::formatTime(qint64 ns, qint64 step)
{
    for (const Unit &u : kUnits) {
        if (std::llabs(ns) >= u.ns || step >= u.ns)
            return formatIn(ns, step, u.ns);
    }
    return formatIn(ns, step, 1);
}

QString TimeRuler::formatIn(qint64 ns, qint64 step, qint64 unitNs)
{
    // Enough decimals to tell neighbouring ticks apart; zero needs none.
    int decimals = 0;
    for (qint64 s = unitNs; ns != 0 && s > step && decimals < 3 && s > 1; s /= 10)
        ++decimals;
    return QCoreApplication::translate("weft::ui::TimeRuler", "%1 %2")
        .arg(double(ns) / double(unitNs), 0, 'f', decimals)
        .arg(QString::fromUtf8(unitOf(unitNs).name));
}

QString TimeRuler::formatDuration(qint64 ns)
{
    const qint64 a = std::llabs(ns);
    if (a >= 1000000000)
        return QCoreApplication::translate("weft::ui::TimeRuler", "%1 s")
            .arg(double(ns) / 1e9, 0, 'f', 3);
    if (a >= 1000000)
        return QCoreApplication::translate("weft::ui::TimeRuler", "%1 ms")
            .arg(double(ns) / 1e6, 0, 'f', 2);
    if (a >= 1000)
        return QCoreApplication::translate("weft::ui::TimeRuler", "%1 µs")
            .arg(double(ns) / 1e3, 0, 'f', 1);
    return QCoreApplication::translate("weft::ui::TimeRuler", "%1 ns").arg(ns);
}

} // namespace weft::ui
