#include "theme.h"

#include "timelinemodel.h"

#include <QCoreApplication>

#include <array>

namespace weft::ui {

const Theme &Theme::standard()
{
    static const Theme theme;
    return theme;
}

QColor Theme::stateColor(LaneState state) const
{
    switch (state) {
    case LaneState::Running: return QColor(0x2e, 0xa0, 0x43);          // green: doing work
    case LaneState::Sleeping: return QColor(0x8a, 0xb4, 0xf8);         // pale blue: resting
    case LaneState::BlockedOnLock: return QColor(0xd9, 0x30, 0x25);    // red: stuck on a lock
    case LaneState::WaitingJoin: return QColor(0x9c, 0x6a, 0xde);      // violet: waiting for a thread
    case LaneState::WaitingIo: return QColor(0xf2, 0x99, 0x00);        // amber: waiting for I/O
    case LaneState::WaitingCondition: return QColor(0x00, 0x9a, 0x9a); // teal: waiting for a signal
    case LaneState::Finished: return QColor(0xc8, 0xcb, 0xd0);         // grey: done
    case LaneState::Count: break;
    }
    return QColor(Qt::transparent);
}

QString Theme::stateName(LaneState state) const
{
    switch (state) {
    case LaneState::Running: return QCoreApplication::translate("weft::ui::Theme", "running");
    case LaneState::Sleeping: return QCoreApplication::translate("weft::ui::Theme", "sleeping");
    case LaneState::BlockedOnLock:
        return QCoreApplication::translate("weft::ui::Theme", "blocked on a lock");
    case LaneState::WaitingJoin:
        return QCoreApplication::translate("weft::ui::Theme", "waiting in join");
    case LaneState::WaitingIo: return QCoreApplication::translate("weft::ui::Theme", "waiting on I/O");
    case LaneState::WaitingCondition:
        return QCoreApplication::translate("weft::ui::Theme", "waiting on a condition");
    case LaneState::Finished: return QCoreApplication::translate("weft::ui::Theme", "finished");
    case LaneState::Count: break;
    }
    return {};
}

QColor Theme::objectColor(quint32 object) const
{
    // Distinct from the state colours so a lock band never reads as a state.
    static const std::array<QColor, 8> palette = {
        QColor(0x1f, 0x4e, 0xb4), QColor(0xb8, 0x4a, 0x00), QColor(0x7b, 0x1f, 0xa2),
        QColor(0x00, 0x79, 0x6b), QColor(0xad, 0x14, 0x57), QColor(0x5d, 0x40, 0x37),
        QColor(0x00, 0x83, 0x8f), QColor(0x82, 0x77, 0x17)};
    return palette[object % palette.size()];
}

QFont Theme::font() const
{
    QFont f;
    f.setPixelSize(13);
    return f;
}

QFont Theme::boldFont() const
{
    QFont f = font();
    f.setBold(true);
    return f;
}

QFont Theme::smallFont() const
{
    QFont f;
    f.setPixelSize(11);
    return f;
}

} // namespace weft::ui
