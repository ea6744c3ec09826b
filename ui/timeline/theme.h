#pragma once

#include <QColor>
#include <QFont>

#include <QtGlobal>

namespace weft::ui {

enum class LaneState : quint8;

// Every colour and size of the timeline in one place, so the screen, the
// exports and the legend never disagree. Chosen for a projector: saturated
// state colours on a light background, dark text, lanes tall enough to read.
class Theme
{
public:
    static const Theme &standard();

    QColor stateColor(LaneState state) const;
    QString stateName(LaneState state) const;   // translated, for legend and tooltips
    // A stable, well separated colour per lock (or other object) id.
    QColor objectColor(quint32 object) const;

    QColor background() const { return QColor(0xfa, 0xfa, 0xfa); }
    QColor alternateRow() const { return QColor(0xf0, 0xf0, 0xf3); }
    QColor groupHeader() const { return QColor(0xdd, 0xe3, 0xea); }
    QColor text() const { return QColor(0x20, 0x20, 0x24); }
    QColor mutedText() const { return QColor(0x60, 0x64, 0x6c); }
    QColor gridLine() const { return QColor(0xd4, 0xd6, 0xdc); }
    QColor rulerBackground() const { return QColor(0xe9, 0xec, 0xf0); }
    QColor playhead() const { return QColor(0xd0, 0x10, 0x60); }
    QColor dimOverlay() const { return QColor(0xfa, 0xfa, 0xfa, 190); }
    QColor spawnFlow() const { return QColor(0x2e, 0x7d, 0x32); }
    QColor joinFlow() const { return QColor(0x6a, 0x1b, 0x9a); }
    QColor waitFlow() const { return QColor(0xc6, 0x28, 0x28); }
    QColor packetFlow() const { return QColor(0x00, 0x60, 0xb0); }
    QColor messageFlow() const { return QColor(0xe6, 0x5c, 0x00); }
    QColor notifyFlow() const { return QColor(0x00, 0x89, 0x7b); }
    QColor printTick() const { return QColor(0x20, 0x20, 0x24); }
    QColor markTick() const { return QColor(0xf5, 0x9e, 0x0b); }
    QColor errorTick() const { return QColor(0xe0, 0x10, 0x10); }
    QColor killedMark() const { return QColor(0xe0, 0x10, 0x10); }
    QColor counterLine() const { return QColor(0x00, 0x60, 0xb0); }
    QColor counterFill() const { return QColor(0x00, 0x60, 0xb0, 50); }

    int laneHeight() const { return 28; }      // >= 24 px: readable on a projector
    int stateBarHeight() const { return 14; }  // the state bar inside a lane
    int lockBandHeight() const { return 6; }   // lock bands sit under the state bar
    int groupHeaderHeight() const { return 22; }
    int counterHeight() const { return 40; }
    int rulerHeight() const { return 30; }
    int labelWidth() const { return 160; }  // the minimum; grows to fit names
    qreal minItemWidth() const { return 3.0; } // narrower items merge into one
    QFont font() const;
    QFont boldFont() const;
    QFont smallFont() const;
};

} // namespace weft::ui
