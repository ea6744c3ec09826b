// SPDX-License-Identifier: MIT
#include "hugepages.h"

#include <QtGlobal>
#include <cstdint>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace weft {

void adviseHugePages(void *data, std::size_t bytes)
{
#ifdef Q_OS_LINUX
    auto *begin = static_cast<char *>(data);
    const std::size_t skip
        = (kHugePageBytes - reinterpret_cast<std::uintptr_t>(begin) % kHugePageBytes)
        % kHugePageBytes;
    if (bytes > skip + kHugePageBytes)
        ::madvise(begin + skip, (bytes - skip) / kHugePageBytes * kHugePageBytes, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

} // namespace weft
