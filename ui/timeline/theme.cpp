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
    // Data between lanes: colours no state, mark or lock has (orange was "waiting on I/O").
    c.packetFlow = QColor(0x0d, 0x47, 0xa1);
    c.messageFlow = QColor(0xad, 0x14, 0x57);
    c.counterLine = QColor(0x00, 0x60, 0xb0);
    c.counterFill = QColor(0x00, 0x60, 0xb0, 50);
    c.slices
        = {QColor(0xe8, 0xdf, 0xce), QColor(0xd9, 0xcd, 0xb6)}; // sand: no state or lock uses it
    c.sliceBorder = QColor(0x9c, 0x8f, 0x78);
    c.sliceText = QColor(0x2b, 0x25, 0x1c);
    c.states = {
        QColor(0x00, 0x9e, 0x73), // running: bluish green, doing work
        QColor(0x56, 0xb4, 0xe9), // sleeping: sky blue, resting
        QColor(0xd5, 0x5e, 0x00), // blocked on a lock: vermillion, stuck
        QColor(0xcc, 0x79, 0xa7), // waiting in join: reddish purple
        QColor(0xe6, 0x9f, 0x00), // waiting on I/O: orange
        QColor(0x00, 0x72, 0xb2), // waiting on a condition: blue
        QColor(0xf0, 0xe4, 0x42), // starting: yellow, hatched (pale: the hatch outlines it)
        QColor(0xc8, 0xcb, 0xd0), // finished: grey
        QColor(0x77, 0x22, 0xee), // paused by you (Step Mode): violet, no state or mark has it
    };
    c.startingHatch = QColor(0x9a, 0x8a, 0x00);
    // A waits-for arrow says "blocked on a lock", a notify wakes a condition's waiter:
    // the same meaning, the same colour.
    c.waitFlow = c.states[std::size_t(LaneState::BlockedOnLock)];
    c.notifyFlow = c.states[std::size_t(LaneState::WaitingCondition)];
    // Marks: red is a lost update and nothing else.
    c.lostUpdate = QColor(0xe8, 0x11, 0x2d);
    c.error = QColor(0x88, 0x22, 0x55); // wine
    c.killed = QColor(0x33, 0x22, 0x88); // indigo
    c.gilDropRequest = QColor(0x00, 0x85, 0x8a); // dark cyan
    c.gilForcedSwitch = QColor(0x7f, 0x4f, 0x24); // brown
    c.deadlock = QColor(0xee, 0x33, 0x77); // magenta
    c.markTick = QColor(0x8a, 0x8f, 0x99); // a plain note: grey
    // Lock bands: earth and slate tones, far from every state and mark.
    c.objects = {QColor(0xb3, 0x94, 0x70), QColor(0x5c, 0x3d, 0x2e), QColor(0x4f, 0x62, 0x72),
                 QColor(0x77, 0x70, 0x3a)};
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
    c.packetFlow = QColor(0xb3, 0x9d, 0xdb);
    c.messageFlow = QColor(0xff, 0xab, 0x91);
    c.counterLine = QColor(0x4d, 0xa3, 0xff);
    c.counterFill = QColor(0x4d, 0xa3, 0xff, 60);
    c.slices = {QColor(0x4f, 0x48, 0x3b), QColor(0x5e, 0x56, 0x47)};
    c.sliceBorder = QColor(0x8a, 0x7f, 0x6c);
    c.sliceText = QColor(0xf2, 0xec, 0xe1);
    // Okabe and Ito's colours read on a dark ground as they are; only the blue is
    // lifted, which would sink into the background.
    c.states = {
        QColor(0x00, 0x9e, 0x73), // running
        QColor(0x56, 0xb4, 0xe9), // sleeping
        QColor(0xd5, 0x5e, 0x00), // blocked on a lock
        QColor(0xcc, 0x79, 0xa7), // waiting in join
        QColor(0xe6, 0x9f, 0x00), // waiting on I/O
        QColor(0x2a, 0x7f, 0xd4), // waiting on a condition
        QColor(0xf0, 0xe4, 0x42), // starting, hatched
        QColor(0x5c, 0x60, 0x6a), // finished: grey, quieter than the live states
        QColor(0x99, 0x22, 0xff), // paused by you
    };
    c.startingHatch = QColor(0x8a, 0x7c, 0x00);
    c.waitFlow = c.states[std::size_t(LaneState::BlockedOnLock)];
    c.notifyFlow = c.states[std::size_t(LaneState::WaitingCondition)];
    c.lostUpdate = QColor(0xff, 0x2a, 0x3d);
    c.error = QColor(0xb0, 0x30, 0x6a);
    c.killed = QColor(0x8f, 0x85, 0xff);
    c.gilDropRequest = QColor(0x1f, 0xbf, 0xbf);
    c.gilForcedSwitch = QColor(0xb0, 0x78, 0x40);
    c.deadlock = QColor(0xff, 0x66, 0xcc);
    c.markTick = QColor(0xa9, 0xae, 0xb8);
    c.objects = {QColor(0xd8, 0xc0, 0xa0), QColor(0x8a, 0x5a, 0x44), QColor(0x3f, 0x62, 0x90),
                 QColor(0xa6, 0x9a, 0x50)};
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
    case LaneState::Starting:
        return QCoreApplication::translate("weft::ui::Theme", "starting");
    case LaneState::Finished:
        return QCoreApplication::translate("weft::ui::Theme", "finished");
    case LaneState::Paused:
        return QCoreApplication::translate("weft::ui::Theme", "paused by you");
    case LaneState::Count:
        break;
    }
    return {};
}

QColor Theme::objectColor(quint32 object) const
{
    return m_colors.objects[object % m_colors.objects.size()];
}

QColor Theme::instantColor(InstantKind kind) const
{
    switch (kind) {
    case InstantKind::Print:
        return printTick();
    case InstantKind::Mark:
        return markTick();
    case InstantKind::Error:
        return errorTick();
    case InstantKind::Killed:
        return killedMark();
    case InstantKind::LostUpdate:
        return lostUpdateMark();
    case InstantKind::GilDropRequest:
        return gilDropRequestMark();
    case InstantKind::GilForcedSwitch:
        return gilForcedSwitchMark();
    case InstantKind::Deadlock:
        return deadlockMark();
    }
    return text();
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
