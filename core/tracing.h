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

// A named phase of the lesson ("round 3", "two threads"), drawn as a slice on
// the calling thread's lane from construction to destruction. Scoped, so a
// phase left by an exception (a cancelled run) still ends where it was left.
class Phase
{
public:
    explicit Phase(const QString &name, qint64 value = 0,
                   std::source_location location = std::source_location::current());
    ~Phase();
    Phase(const Phase &) = delete;
    Phase &operator=(const Phase &) = delete;

private:
    std::source_location m_location;
};

// Throws Cancelled if the run was cancelled: for long CPU loops with no other primitive.
void checkCancelled();

} // namespace weft
