// SPDX-License-Identifier: MIT
#include "timeruler.h"

#include <QCoreApplication>
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

std::vector<TimeRuler::Tick> TimeRuler::ticks(qint64 fromNs, qint64 toNs, double widthPx,
                                              qint64 originNs, double minSpacingPx)
{
    std::vector<Tick> result;
    if (toNs <= fromNs || widthPx <= 0)
        return result;
    const qint64 step = majorStep(toNs - fromNs, widthPx, minSpacingPx);
    const qint64 minor = step / 5 > 0 ? step / 5 : step;
    // Ticks on round multiples of the step relative to the trace's start.
    auto floorDiv = [](qint64 a, qint64 b) {
        return a >= 0 ? a / b : -((-a + b - 1) / b);
    };
    qint64 t = originNs + floorDiv(fromNs - originNs, minor) * minor;
    for (; t <= toNs && result.size() < 2000; t += minor) {
        if (t < fromNs)
            continue;
        const qint64 rel = t - originNs;
        const bool major = rel % step == 0;
        result.push_back({t, major, major ? formatTime(rel, step) : QString()});
    }
    return result;
}

QString TimeRuler::formatTime(qint64 ns, qint64 step)
{
    struct Unit
    {
        qint64 ns;
        const char *name;
    };
    static const Unit units[] = {{1000000000, "s"}, {1000000, "ms"}, {1000, "µs"}, {1, "ns"}};
    Unit unit = units[3];
    for (const Unit &u : units) {
        if (std::llabs(ns) >= u.ns || step >= u.ns) {
            unit = u;
            break;
        }
    }
    // Enough decimals to tell neighbouring ticks apart.
    int decimals = 0;
    for (qint64 s = unit.ns; s > step && decimals < 3 && s > 1; s /= 10)
        ++decimals;
    return QCoreApplication::translate("weft::ui::TimeRuler", "%1 %2")
        .arg(double(ns) / double(unit.ns), 0, 'f', decimals)
        .arg(QString::fromUtf8(unit.name));
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
