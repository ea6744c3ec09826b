// SPDX-License-Identifier: MIT
#include "theme.h"

#include "themenotifier.h"
#include "timelinemodel.h"

#include <QCoreApplication>
#include <QPalette>
#include <algorithm>

namespace weft::ui {

namespace {

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

Theme &currentStorage()
{
    // One object for the whole run: renderers keep a reference to it.
    static Theme theme = Theme::light();
    return theme;
}

} // namespace

Theme::Theme(Variant variant, qreal scale, const Colors &colors)
    : m_variant(variant)
    , m_scale(std::clamp(scale, kMinScale, kMaxScale))
    , m_colors(colors)
{
}

Theme Theme::light(qreal scale)
{
    // Saturated state colours on a near-white background, dark text: a projector washes
    // out pale tints, so nothing important is pastel.
    Colors c;
    c.background = QColor(0xfa, 0xfa, 0xfa);
    c.alternateRow = QColor(0xf0, 0xf0, 0xf3);
    c.selectedRow = QColor(0xff, 0xf4, 0xc2);
    c.groupHeader = QColor(0xdd, 0xe3, 0xea);
    c.text = QColor(0x20, 0x20, 0x24);
    c.mutedText = QColor(0x5a, 0x5e, 0x66);
    c.labelBackground = QColor(255, 255, 255, 225);
    c.gridLine = QColor(0xd4, 0xd6, 0xdc);
    c.rulerBackground = QColor(0xe9, 0xec, 0xf0);
    c.playhead = QColor(0xd0, 0x10, 0x60);
    c.dimOverlay = withAlpha(c.background, 190);
    c.spawnFlow = QColor(0x2e, 0x7d, 0x32);
    c.joinFlow = QColor(0x6a, 0x1b, 0x9a);
    c.waitFlow = QColor(0xc6, 0x28, 0x28);
    c.packetFlow = QColor(0x00, 0x60, 0xb0);
    c.messageFlow = QColor(0xe6, 0x5c, 0x00);
    c.notifyFlow = QColor(0x00, 0x89, 0x7b);
    c.markTick = QColor(0xf5, 0x9e, 0x0b);
    c.error = QColor(0xe0, 0x10, 0x10);
    c.counterLine = QColor(0x00, 0x60, 0xb0);
    c.counterFill = QColor(0x00, 0x60, 0xb0, 50);
    c.slices
        = {QColor(0xe8, 0xdf, 0xce), QColor(0xd9, 0xcd, 0xb6)}; // sand: no state or lock uses it
    c.sliceBorder = QColor(0x9c, 0x8f, 0x78);
    c.sliceText = QColor(0x2b, 0x25, 0x1c);
    c.states = {
        QColor(0x2e, 0xa0, 0x43), // running: green, doing work
        QColor(0x8a, 0xb4, 0xf8), // sleeping: pale blue, resting
        QColor(0xd9, 0x30, 0x25), // blocked on a lock: red, stuck
        QColor(0x9c, 0x6a, 0xde), // waiting in join: violet
        QColor(0xf2, 0x99, 0x00), // waiting on I/O: amber
        QColor(0x00, 0x9a, 0x9a), // waiting on a condition: teal
        QColor(0xc8, 0xcb, 0xd0), // finished: grey
    };
    // Distinct from the state colours so a lock band never reads as a state.
    c.objects = {QColor(0x1f, 0x4e, 0xb4), QColor(0xb8, 0x4a, 0x00), QColor(0x7b, 0x1f, 0xa2),
                 QColor(0x00, 0x79, 0x6b), QColor(0xad, 0x14, 0x57), QColor(0x5d, 0x40, 0x37),
                 QColor(0x37, 0x47, 0x4f), QColor(0x82, 0x77, 0x17)};
    return Theme(Variant::Light, scale, c);
}

Theme Theme::dark(qreal scale)
{
    // Same hues as the light variant, lifted in lightness so they stay saturated and
    // distinct on a near-black background; text is off-white, not pure white, to avoid glare.
    Colors c;
    c.background = QColor(0x1c, 0x1d, 0x22);
    c.alternateRow = QColor(0x25, 0x27, 0x2e);
    c.selectedRow = QColor(0x4a, 0x40, 0x18);
    c.groupHeader = QColor(0x33, 0x39, 0x46);
    c.text = QColor(0xe8, 0xe9, 0xee);
    c.mutedText = QColor(0xa8, 0xad, 0xb8);
    c.labelBackground = QColor(0x1c, 0x1d, 0x22, 225);
    c.gridLine = QColor(0x3a, 0x3d, 0x47);
    c.rulerBackground = QColor(0x2a, 0x2d, 0x35);
    c.playhead = QColor(0xff, 0x4f, 0x8b);
    c.dimOverlay = withAlpha(c.background, 170);
    c.spawnFlow = QColor(0x66, 0xbb, 0x6a);
    c.joinFlow = QColor(0xc0, 0x84, 0xfc);
    c.waitFlow = QColor(0xff, 0x5f, 0x5f);
    c.packetFlow = QColor(0x4d, 0xa3, 0xff);
    c.messageFlow = QColor(0xff, 0x9a, 0x40);
    c.notifyFlow = QColor(0x2d, 0xd4, 0xbf);
    c.markTick = QColor(0xf5, 0xb0, 0x2b);
    c.error = QColor(0xff, 0x52, 0x52);
    c.counterLine = QColor(0x4d, 0xa3, 0xff);
    c.counterFill = QColor(0x4d, 0xa3, 0xff, 60);
    c.slices = {QColor(0x4f, 0x48, 0x3b), QColor(0x5e, 0x56, 0x47)};
    c.sliceBorder = QColor(0x8a, 0x7f, 0x6c);
    c.sliceText = QColor(0xf2, 0xec, 0xe1);
    c.states = {
        QColor(0x3f, 0xbf, 0x5a), // running
        QColor(0x7a, 0xa7, 0xf0), // sleeping
        QColor(0xef, 0x44, 0x38), // blocked on a lock
        QColor(0xb5, 0x7c, 0xf2), // waiting in join
        QColor(0xf5, 0xa6, 0x23), // waiting on I/O
        QColor(0x1f, 0xb8, 0xb8), // waiting on a condition
        QColor(0x6b, 0x70, 0x7c), // finished: grey, quieter than the live states
    };
    // Kept away from the state hues (a blue lock band must not read as "sleeping").
    c.objects = {QColor(0x3d, 0x5a, 0xfe), QColor(0xe0, 0x7b, 0x2c), QColor(0x8a, 0x4f, 0xc8),
                 QColor(0xae, 0xd5, 0x81), QColor(0xe0, 0x45, 0x7f), QColor(0xa1, 0x88, 0x7f),
                 QColor(0xe8, 0xd4, 0x4d), QColor(0xc0, 0xb0, 0x30)};
    return Theme(Variant::Dark, scale, c);
}

Theme Theme::make(Variant variant, qreal scale)
{
    return variant == Variant::Dark ? dark(scale) : light(scale);
}

bool Theme::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

Theme Theme::forPalette(const QPalette &palette, qreal scale)
{
    return isDarkPalette(palette) ? dark(scale) : light(scale);
}

Theme Theme::withLaneStretch(qreal factor) const
{
    Theme stretched = *this;
    stretched.m_laneStretch = std::max<qreal>(factor, 1.0);
    return stretched;
}

const Theme &Theme::current()
{
    return currentStorage();
}

void Theme::setCurrent(const Theme &theme)
{
    currentStorage() = theme;
    emit ThemeNotifier::instance()->themeChanged();
}

QColor Theme::stateColor(LaneState state) const
{
    const auto index = std::size_t(state);
    return index < m_colors.states.size() ? m_colors.states[index] : QColor(Qt::transparent);
}

QString Theme::stateName(LaneState state) const
{
    switch (state) {
    case LaneState::Running:
        return QCoreApplication::translate("weft::ui::Theme", "running");
    case LaneState::Sleeping:
        return QCoreApplication::translate("weft::ui::Theme", "sleeping");
    case LaneState::BlockedOnLock:
        return QCoreApplication::translate("weft::ui::Theme", "blocked on a lock");
    case LaneState::WaitingJoin:
        return QCoreApplication::translate("weft::ui::Theme", "waiting in join");
    case LaneState::WaitingIo:
        return QCoreApplication::translate("weft::ui::Theme", "waiting on I/O");
    case LaneState::WaitingCondition:
        return QCoreApplication::translate("weft::ui::Theme", "waiting on a condition");
    case LaneState::Finished:
        return QCoreApplication::translate("weft::ui::Theme", "finished");
    case LaneState::Count:
        break;
    }
    return {};
}

QColor Theme::objectColor(quint32 object) const
{
    return m_colors.objects[object % m_colors.objects.size()];
}

QFont Theme::pixelFont(int basePixels) const
{
    QFont f;
    f.setPixelSize(size(basePixels));
    return f;
}

QFont Theme::font() const
{
    return pixelFont(13);
}

QFont Theme::boldFont() const
{
    QFont f = font();
    f.setBold(true);
    return f;
}

QFont Theme::smallFont() const
{
    return pixelFont(11);
}

QFont Theme::titleFont() const
{
    QFont f = pixelFont(20);
    f.setBold(true);
    return f;
}

} // namespace weft::ui
