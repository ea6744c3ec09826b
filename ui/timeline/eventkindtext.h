// SPDX-License-Identifier: MIT
#pragma once

#include "core/event.h"

#include <QString>

namespace weft::ui {

// What an event of `kind` is, in words a learner reads ("thread starts",
// "print"), translated: for the details panel and the timeline's tooltips.
QString eventKindText(EventKind kind);

} // namespace weft::ui
