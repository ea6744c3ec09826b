// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>

namespace weft::ui {

// A distinguishable, readable text colour per lane, so the same thread has the
// same colour in every panel; `onDark` lightens it for a dark background.
QColor laneTextColor(quint32 actor, bool onDark = false);

} // namespace weft::ui
