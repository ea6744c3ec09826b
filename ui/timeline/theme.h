// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QtGlobal>
#include <algorithm>
#include <array>

class QPalette;

namespace weft {
enum class LaneState : quint8; // core/derived/tracestates.h
}

namespace weft::ui {

using weft::LaneState;
enum class InstantKind : quint8; // timelinemodel.h

// Every colour and size of the timeline in one place, so the screen, the
// exports and the legend never disagree. A value type: a light and a dark
// variant, each at a font scale for projectors. Every size derives from the
// scale, so lanes, bars, headers, the ruler, labels and fonts grow together.
class Theme
{
public:
    enum class Variant { Light, Dark };
    static constexpr qreal kMinScale = 1.0;
    static constexpr qreal kMaxScale = 2.5;

    static Theme light(qreal scale = 1.0);
    static Theme dark(qreal scale = 1.0);
    static Theme make(Variant variant, qreal scale = 1.0);
    // Dark when the palette's window colour is dark (lightness < 128).
    static Theme forPalette(const QPalette &palette, qreal scale = 1.0);
    static bool isDarkPalette(const QPalette &palette);

    // The theme the screen uses. The reference returned stays valid and
    // follows setCurrent(), so a renderer built on it repaints in the new one.
    static const Theme &current();
    // Replaces the current theme and announces it through ThemeNotifier.
    static void setCurrent(const Theme &theme);
    // Older name of current(), kept so code written before themes still builds.
    static const Theme &standard() { return current(); }

    Variant variant() const { return m_variant; }
    bool isDark() const { return m_variant == Variant::Dark; }
    qreal scale() const { return m_scale; }
    // A length designed at 100 %, at this theme's scale.
    qreal px(qreal base) const { return base * m_scale; }

    // One meaning per colour: the states are Okabe and Ito's colour-blind-safe set
    // (bluish green, sky blue, vermillion, reddish purple, orange, blue, yellow, grey);
    // marks and lock bands take colours no state has, and each mark kind has its
    // own glyph as well (instantglyph.h), so a reader who cannot tell two marks'
    // colours apart still tells their shapes apart.
    QColor stateColor(LaneState state) const;
    QString stateName(LaneState state) const; // translated, for legend and tooltips
    // The diagonal lines over "starting": a bar not yet running, even in grey print.
    QColor startingHatch() const { return m_colors.startingHatch; }
    // A stable colour per lock (or other object) id, from a set of earth and slate
    // tones that no state or mark uses: a lock band never reads as a state.
    QColor objectColor(quint32 object) const;
    static constexpr int kObjectColorCount = 4;
    // The colour of a kind of instant (print, mark, lost update, error ...).
    QColor instantColor(InstantKind kind) const;

    QColor background() const { return m_colors.background; }
    QColor alternateRow() const { return m_colors.alternateRow; }
    QColor selectedRow() const { return m_colors.selectedRow; }
    QColor groupHeader() const { return m_colors.groupHeader; }
    QColor text() const { return m_colors.text; }
    QColor mutedText() const { return m_colors.mutedText; }
    // Behind a label drawn over the bars, so it reads over any state colour.
    QColor labelBackground() const { return m_colors.labelBackground; }
    QColor gridLine() const { return m_colors.gridLine; }
    QColor rulerBackground() const { return m_colors.rulerBackground; }
    QColor playhead() const { return m_colors.playhead; }
    QColor dimOverlay() const { return m_colors.dimOverlay; }
    QColor spawnFlow() const { return m_colors.spawnFlow; }
    QColor joinFlow() const { return m_colors.joinFlow; }
    QColor waitFlow() const { return m_colors.waitFlow; }
    QColor packetFlow() const { return m_colors.packetFlow; }
    QColor messageFlow() const { return m_colors.messageFlow; }
    QColor notifyFlow() const { return m_colors.notifyFlow; }
    QColor printTick() const { return m_colors.text; }
    QColor markTick() const { return m_colors.markTick; }
    QColor errorTick() const { return m_colors.error; }
    QColor killedMark() const { return m_colors.killed; }
    QColor lostUpdateMark() const { return m_colors.lostUpdate; }
    QColor gilDropRequestMark() const { return m_colors.gilDropRequest; }
    QColor gilForcedSwitchMark() const { return m_colors.gilForcedSwitch; }
    QColor deadlockMark() const { return m_colors.deadlock; }
    QColor counterLine() const { return m_colors.counterLine; }
    QColor counterFill() const { return m_colors.counterFill; }
    // Named slices: one warm neutral, two shades alternating by depth, so a
    // slice never borrows a state's or a lock's colour; the name says what it is.
    QColor sliceFill(int depth) const { return m_colors.slices[std::size_t(depth & 1)]; }
    QColor sliceBorder() const { return m_colors.sliceBorder; }
    QColor sliceText() const { return m_colors.sliceText; }

    // >= 24 px at 100 %: readable on a projector; taller with a lane stretch.
    int laneHeight() const { return qRound(28 * m_scale * m_laneStretch); }
    // The state bar's offset inside its lane: the bars stay centred in a stretched lane.
    int stateBarTop() const
    {
        return size(4)
            + (laneHeight() - size(28) - (stateBarHeight() - size(14))
               - (lockBandHeight() - size(6)))
            / 2;
    }
    int stateBarHeight() const { return qRound(14 * m_scale * barStretch()); }
    qreal stateBarCenter() const { return stateBarTop() + stateBarHeight() / 2.0; }
    // Lock bands sit under the state bar.
    int lockBandHeight() const { return qRound(6 * m_scale * barStretch()); }
    // A copy whose lanes are `factor` (>= 1) times as tall, so that a few lanes
    // fill the view's height (capped at kMaxLaneStretch there) or an export's
    // slide; fonts and everything else keep their size.
    Theme withLaneStretch(qreal factor) const;
    qreal laneStretch() const { return m_laneStretch; }
    static constexpr qreal kMaxLaneStretch = 4.0;
    // Bars thicken with the lane, but less: a lane five times as tall with a bar
    // five times as thick reads as a bar chart, not a timeline.
    static constexpr qreal kMaxBarStretch = 2.5;
    int sliceRowHeight() const
    {
        return size(17);
    } // one row of named slices, under the lane's bars
    int groupHeaderHeight() const { return size(22); }
    int counterHeight() const { return size(40); }
    int rulerHeight() const { return size(30); }
    int titleHeight() const { return size(56); }
    int labelWidth() const { return size(160); } // the minimum; grows to fit names
    int maxLabelWidth() const { return size(380); }
    int labelIndent() const { return size(14); }
    qreal minItemWidth() const { return 3.0; } // narrower items merge into one (screen pixels)
    QFont font() const; // lane labels, legend
    QFont boldFont() const;
    QFont smallFont() const; // ruler, instant and flow labels
    QFont titleFont() const; // export title

private:
    struct Colors
    {
        QColor background, alternateRow, selectedRow, groupHeader, text, mutedText, labelBackground,
            gridLine, rulerBackground, playhead, dimOverlay, spawnFlow, joinFlow, waitFlow,
            packetFlow, messageFlow, notifyFlow, markTick, error, killed, lostUpdate,
            gilDropRequest, gilForcedSwitch, deadlock, counterLine, counterFill, sliceBorder,
            sliceText, startingHatch;
        std::array<QColor, 2> slices;
        std::array<QColor, 9> states; // indexed by LaneState
        std::array<QColor, kObjectColorCount> objects;
    };

    Theme(Variant variant, qreal scale, const Colors &colors);
    int size(int base) const { return qRound(base * m_scale); }
    qreal barStretch() const { return std::min(m_laneStretch, kMaxBarStretch); }
    QFont pixelFont(int basePixels) const;

    Variant m_variant = Variant::Light;
    qreal m_scale = 1.0;
    qreal m_laneStretch = 1.0;
    Colors m_colors;
};

} // namespace weft::ui
