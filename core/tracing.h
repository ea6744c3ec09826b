// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <chrono>
#include <source_location>

namespace weft {

// Traced stand-ins for the plain calls tutorial code makes. Each passes the
// step gate, records its event on the calling thread's lane with its source
// line, and throws Cancelled if the run is cancelled.

// Python's print(): the text is attributed to the calling thread.
void print(const QString &text, std::source_location location = std::source_location::current());

// time.sleep(): cancellable; recorded as a sleeping span.
void sleepFor(std::chrono::nanoseconds duration,
              std::source_location location = std::source_location::current());

// An annotation worth a glyph on the lane (e.g. "lost update"); abnormal marks draw in red.
void mark(const QString &text, bool abnormal = false,
          std::source_location location = std::source_location::current());

// Records an error on the calling thread's lane (shown in red with its text).
void reportError(const QString &text,
                 std::source_location location = std::source_location::current());

// Throws Cancelled if the run was cancelled: for long CPU loops with no other primitive.
void checkCancelled();

} // namespace weft
