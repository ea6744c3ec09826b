// SPDX-License-Identifier: MIT
#pragma once

#include <QRectF>
#include <QString>
#include <initializer_list>
#include <optional>
#include <vector>

namespace weft::ui {

// Where one piece of text (a label, a callout, a chip, a byte count) went in a frame.
struct PlacedLabel
{
    QRectF rect;
    QString text;
    const void *owner = nullptr; // the pass that placed it
    int tag = -1; // the owner's own index (which arrow, which chip)
};

// One frame's text placement, shared by every pass that draws text: a label
// is drawn only where it covers no text placed before it, so labels, callouts,
// chips and byte counts never overlap. Passes claim room front to back (what
// is drawn on top claims first: chips, then the deadlock callouts), and a
// label that finds no free candidate is left out whole, never cut to a stub;
// the view shows it on hover. Reset with every frame (it lives in the
// RenderContext).
class LabelPlacer
{
public:
    // Room taken whatever else is there (a chip, a badge): later labels avoid it.
    void reserve(const QRectF &rect, const QString &text = {}, const void *owner = nullptr,
                 int tag = -1);
    // The first candidate inside `bounds` that covers nothing placed, now placed
    // too; none (and the text noted as left out) when every candidate collides.
    std::optional<QRectF> place(const QString &text, std::initializer_list<QRectF> candidates,
                                const QRectF &bounds, const void *owner = nullptr, int tag = -1);
    bool isFree(const QRectF &rect) const;

    const std::vector<PlacedLabel> &placed() const { return m_placed; }
    const std::vector<PlacedLabel> &leftOut() const { return m_leftOut; }
    // Whether an owner has claimed room in this frame yet.
    bool hasOwner(const void *owner) const;

private:
    std::vector<PlacedLabel> m_placed;
    std::vector<PlacedLabel> m_leftOut;
};

} // namespace weft::ui
