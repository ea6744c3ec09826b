#pragma once

#include <QColor>

namespace weft::ui {

// A distinguishable, readable-on-white text colour per lane, so the same
// thread has the same colour in every panel.
QColor laneTextColor(quint32 actor);

} // namespace weft::ui
