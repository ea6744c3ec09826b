// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"

#include <QColor>
#include <QList>
#include <QString>
#include <vector>

namespace weft::ui {

// What one thread parked at its step gate is about to do, as the timeline
// shows it. Built by the UI from the gate's pending list; the timeline never
// sees scenario code or the gate itself.
struct PendingMark
{
    quint32 actor = 0;
    QString text; // "acquire L1", "send 38 bytes", "join t2"
    QString blockedText; // "blocked: L1 held by t2"; empty when the step can be taken

    bool isBlocked() const { return !blockedText.isEmpty(); }
    friend bool operator==(const PendingMark &, const PendingMark &) = default;
};

// Where a mark's chip sits in one frame. Painting and the view's hit testing
// both use PendingActionPass::chips(), so a click lands where the chip is drawn.
struct PendingChip
{
    quint32 actor = 0;
    QRectF rect;
    QString text; // already elided to fit
    bool blocked = false;
};

// While stepping: a chip at the live end of each parked thread's lane saying
// what it will do next. A chip the user can take is solid; a blocked one is
// grey and hatched, so it reads as "not on offer".
class Theme;

class PendingActionPass : public RenderPass
{
public:
    void paint(QPainter &painter, const RenderContext &context) const override;
    // Chips are "now" and drawn over everything: no label may hide under one.
    void reserve(const RenderContext &context) const override;

    static std::vector<PendingChip> chips(const RenderContext &context);
    // Room the widest chip needs right of its lane's end (gap included), in px.
    static qreal widestChipPx(const QList<PendingMark> &marks, const Theme &theme);
    // The fill of a chip that can be stepped: the playhead's colour, as it marks "now".
    static QColor chipColor(const Theme &theme);
};

} // namespace weft::ui
