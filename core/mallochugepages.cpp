// SPDX-License-Identifier: MIT
#include "mallochugepages.h"

#include <cstdlib>
#include <cstring>
#include <string>

#ifdef __linux__
#include <unistd.h>
#endif

namespace weft {

namespace {

constexpr const char *kHugeTlb = "glibc.malloc.hugetlb";

// The saved value keeps "unset" apart from "set and empty".
constexpr char kWasUnset = '!';
constexpr char kWasSet = '=';

void restoreTunables(const char *saved)
{
    if (saved[0] == kWasSet)
        ::setenv(MallocHugePages::kTunables, saved + 1, 1);
    else
        ::unsetenv(MallocHugePages::kTunables);
    ::unsetenv(MallocHugePages::kSaved);
}

bool sanitized()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)                            \
    || __has_feature(memory_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

} // namespace

MallocHugePages::Outcome MallocHugePages::enable(char **argv)
{
    if (const char *saved = std::getenv(kSaved)) {
        restoreTunables(saved);
        return Outcome::Relaunched;
    }
    const char *tunables = std::getenv(kTunables);
    if (tunables && std::strstr(tunables, kHugeTlb))
        return Outcome::ChosenByUser;
    // A tool preloaded into weft (valgrind, heaptrack, a recorder) expects the
    // one process it was started in; under valgrind, /proc/self/exe is valgrind.
    if (std::getenv(kOptOut) || std::getenv("LD_PRELOAD") || sanitized())
        return Outcome::Declined;
#ifdef __linux__
    const std::string saved
        = tunables ? kWasSet + std::string(tunables) : std::string(1, kWasUnset);
    std::string added;
    if (tunables && *tunables)
        (added += tunables) += ':';
    (added += kHugeTlb) += "=1";
    ::setenv(kSaved, saved.c_str(), 1);
    ::setenv(kTunables, added.c_str(), 1);
    ::execv("/proc/self/exe", argv);
    // Still here: no /proc, or the binary is gone. Carry on as started.
    restoreTunables(saved.c_str());
    return Outcome::Failed;
#else
    (void)argv;
    return Outcome::Declined;
#endif
}

} // namespace weft
