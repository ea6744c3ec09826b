// SPDX-License-Identifier: MIT
#include "lanepalette.h"

#include <algorithm>

namespace weft::ui {

QColor laneTextColor(quint32 actor, bool onDark)
{
    // Dark enough for text on a light background, apart enough to tell apart.
    static const QColor palette[] = {
        QColor(0x1f, 0x4e, 0x9a), QColor(0xb3, 0x3a, 0x00), QColor(0x1b, 0x7a, 0x3a),
        QColor(0x8e, 0x24, 0x8f), QColor(0x00, 0x6d, 0x7a), QColor(0x9a, 0x6a, 0x00),
        QColor(0xa3, 0x1d, 0x4f), QColor(0x4a, 0x4a, 0xa8), QColor(0x5c, 0x6b, 0x00),
        QColor(0x6b, 0x3e, 0x26),
    };
    const QColor color = actor == 0 ? QColor(0x50, 0x50, 0x50)
                                    : palette[(actor - 1) % (sizeof(palette) / sizeof(palette[0]))];
    if (!onDark)
        return color;
    // The same hue, light enough for about 7:1 on a near-black background.
    return QColor::fromHsl(color.hslHue(), std::min(255, color.hslSaturation() + 40), 178);
}

} // namespace weft::ui
