// SPDX-License-Identifier: MIT
#include "stepruler.h"

#include <QCoreApplication>
#include <algorithm>

namespace weft::ui {

QString StepRuler::label(qint64 step)
{
    return QCoreApplication::translate("weft::ui::StepRuler", "step %1").arg(step);
}

std::vector<TimeRuler::Tick> StepRuler::ticks(qint64 fromNs, qint64 toNs, double widthPx,
                                              qint64 unitNs,
                                              const TimeRuler::LabelWidth &labelWidth, double gapPx)
{
    if (toNs <= fromNs || widthPx <= 0 || unitNs <= 0)
        return {};
    const double pxPerStep = widthPx * double(unitNs) / double(toNs - fromNs);
    const qint64 first = std::max<qint64>(1, (fromNs + unitNs - 1) / unitNs);
    const qint64 last = toNs / unitNs;
    // The widest label of the window is its last step's: the majors' spacing must hold it.
    const double room = labelWidth(label(std::max(first, last))) + gapPx;
    qint64 every = 1;
    for (qint64 power = 1; double(every) * pxPerStep < room && power < (qint64(1) << 56);
         power *= 10) {
        for (qint64 m : {1, 2, 5}) {
            every = power * m;
            if (double(every) * pxPerStep >= room)
                break;
        }
    }
    const bool minors = pxPerStep >= 4;
    std::vector<TimeRuler::Tick> result;
    const qint64 stride = minors ? 1 : every;
    for (qint64 step = (first + stride - 1) / stride * stride; step <= last; step += stride) {
        const bool major = step % every == 0;
        result.push_back({step * unitNs, major, major ? label(step) : QString()});
    }
    return result;
}

} // namespace weft::ui
