// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace weft {

// Mark events recorded on the GIL object carry one of these in their value.
// A header of its own so views can read GIL marks without gil.h, which needs
// std::source_location (absent from Debian 12's clang 14, which builds the
// fuzzers).
enum class GilMark : qint64 {
    DropRequest = 1, // a waiter's switch interval ran out: it asks the holder to drop
    ForcedSwitch = 2, // the holder dropped on request and waits until someone else takes it
};

} // namespace weft
