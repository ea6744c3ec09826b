#pragma once

#include <QString>

// What a process holds that a run must give back: threads, open descriptors,
// child processes and listening TCP ports. Read from /proc (Linux).
struct ProcessResources
{
    int threads = 0;
    int descriptors = 0;
    int children = 0;
    int listeningPorts = 0;

    static ProcessResources ofThisProcess();
    QString describe() const;
    friend bool operator==(const ProcessResources &, const ProcessResources &) = default;
};
