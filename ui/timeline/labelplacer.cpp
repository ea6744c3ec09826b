// SPDX-License-Identifier: MIT
#include "labelplacer.h"

#include <algorithm>

namespace weft::ui {

namespace {
constexpr qreal kGapPx = 1; // the least room between two labels
} // namespace

void LabelPlacer::reserve(const QRectF &rect, const QString &text, const void *owner, int tag)
{
    m_placed.push_back({rect, text, owner, tag});
}

std::optional<QRectF> LabelPlacer::place(const QString &text,
                                         std::initializer_list<QRectF> candidates,
                                         const QRectF &bounds, const void *owner, int tag)
{
    for (const QRectF &candidate : candidates) {
        if (bounds.contains(candidate) && isFree(candidate)) {
            m_placed.push_back({candidate, text, owner, tag});
            return candidate;
        }
    }
    if (candidates.size() > 0)
        m_leftOut.push_back({*candidates.begin(), text, owner, tag});
    return std::nullopt;
}

bool LabelPlacer::isFree(const QRectF &rect) const
{
    // Touching counts: two labels edge to edge read as one stacked label.
    const QRectF padded = rect.adjusted(-kGapPx, -kGapPx, kGapPx, kGapPx);
    // A few hundred labels a frame at most (the passes cap theirs): a scan is enough.
    return std::none_of(m_placed.begin(), m_placed.end(),
                        [&](const PlacedLabel &p) { return p.rect.intersects(padded); });
}

bool LabelPlacer::hasOwner(const void *owner) const
{
    return std::any_of(m_placed.begin(), m_placed.end(),
                       [&](const PlacedLabel &p) { return p.owner == owner; })
        || std::any_of(m_leftOut.begin(), m_leftOut.end(),
                       [&](const PlacedLabel &p) { return p.owner == owner; });
}

} // namespace weft::ui
