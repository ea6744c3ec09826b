// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

namespace weft {

inline constexpr std::size_t kHugePageBytes = 2 * 1024 * 1024;

// Asks for transparent huge pages (in "madvise" mode) over the whole, aligned
// huge pages within [data, data + bytes): the first write to each 4 KiB page
// of tens of MB of fresh events was a seventh of an import's time in page
// faults. Nothing happens elsewhere than on Linux, or for a smaller range.
void adviseHugePages(void *data, std::size_t bytes);

} // namespace weft
