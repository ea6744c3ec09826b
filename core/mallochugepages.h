// SPDX-License-Identifier: MIT
#pragma once

namespace weft {

// glibc's malloc backs its blocks with transparent huge pages only when the
// process starts with GLIBC_TUNABLES=glibc.malloc.hugetlb=1: nothing turns it
// on later. Opening a 10 M-event trace writes about 700 MB of fresh memory
// (the derived states, slices, arrows and the timeline's model), and in a VM
// each first touch of a 4 KiB page costs microseconds: with huge pages the
// open took 40 % less CPU (docs/performance.md, "Huge pages for malloc").
class MallocHugePages
{
public:
    enum class Outcome {
        Relaunched, // this is the re-executed process: malloc uses huge pages
        ChosenByUser, // GLIBC_TUNABLES already says glibc.malloc.hugetlb
        Declined, // WEFT_NO_HUGE_PAGES or LD_PRELOAD is set, or a sanitizer's allocator is in use
        Failed, // the program could not be executed again
    };

    // First thing in main(): executes this program again (same pid, same
    // arguments) with the tunable added, and so returns only in the second
    // run or when it did not re-execute. In the second run it first puts
    // GLIBC_TUNABLES back as the user had it, so that the programs weft starts
    // (scenario workers, recorded programs) get the user's environment, not
    // weft's choice of allocator.
    static Outcome enable(char **argv);

    // The environment variables it reads and writes (for tests).
    static constexpr const char *kTunables = "GLIBC_TUNABLES";
    static constexpr const char *kOptOut = "WEFT_NO_HUGE_PAGES";
    static constexpr const char *kSaved = "WEFT_SAVED_GLIBC_TUNABLES";
};

} // namespace weft
