// SPDX-License-Identifier: MIT
#include "event.h"

#include <cstring>
#include <iterator>

namespace weft {

namespace {
constexpr const char *kKindNames[] = {
    "none",          "thread_start", "thread_end",   "process_start", "process_exit",
    "print",         "sleep_begin",  "sleep_end",    "lock_wait",     "lock_acquired",
    "lock_released", "join_wait",    "join_done",    "io_wait_begin", "io_wait_end",
    "packet_send",   "packet_recv",  "message_send", "message_recv",  "counter",
    "error",         "mark",         "span_begin",   "span_end",      "cond_wait",
    "cond_wake",     "cond_notify",  "socket_op",    "thread_spawn",  "step_wait",
};
static_assert(std::size(kKindNames) == std::size_t(EventKind::Count),
              "every EventKind needs a name");
} // namespace

const char *eventKindName(EventKind kind)
{
    const auto index = std::size_t(kind);
    return index < std::size(kKindNames) ? kKindNames[index] : "unknown";
}

EventKind eventKindFromName(const char *name)
{
    for (std::size_t i = 0; i < std::size(kKindNames); ++i) {
        if (std::strcmp(kKindNames[i], name) == 0)
            return EventKind(i);
    }
    return EventKind::None;
}

} // namespace weft
