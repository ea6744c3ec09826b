// SPDX-License-Identifier: MIT
#pragma once

// What this test process holds that a run must give back: threads, open file
// descriptors, child processes (zombies included) and listening TCP ports.
// Read from /proc (Linux), so a test checks what the kernel sees, not what the
// code under test believes it released.

#include <QString>

namespace weft::testsupport {

int threadCount();
int openDescriptorCount();
// Children of this process, zombies included: after any run there must be none.
int childProcessCount();
// TCP sockets of this process in the LISTEN state (IPv4 and IPv6).
int listeningPortCount();

struct ProcessResources
{
    int threads = 0;
    int descriptors = 0;
    int children = 0;
    int listeningPorts = 0;

    static ProcessResources ofThisProcess();
    QString describe() const;
    // Whether this holds nothing `before` did not hold. Fewer is no leak: an
    // idle thread of a Qt pool (QHostInfo's lookups) may expire in between.
    bool holdsNoMoreThan(const ProcessResources &before) const;
    friend bool operator==(const ProcessResources &, const ProcessResources &) = default;
};

} // namespace weft::testsupport
