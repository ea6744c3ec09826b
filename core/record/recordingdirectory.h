// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace weft::record {

// A recording's scratch directory (rings and chunk files, often hundreds of MB
// on /dev/shm, which is memory): removed when the recording ends, and by the
// next recording when the weft that made it was killed before it could.
// Ownership is a flock() on the directory's lock file: the kernel drops it when
// its process dies, however it dies, so a live recording's directory (of any
// weft) is never swept and a dead one's always is, pid reuse or not.
class RecordingDirectory
{
public:
    static constexpr const char *kPrefix = "weft-record-";
    static constexpr const char *kLockName = "owner.lock";

    // Creates weft-record-XXXXXX in `base` and takes its lock; check isValid().
    explicit RecordingDirectory(const QString &base);
    ~RecordingDirectory();
    RecordingDirectory(const RecordingDirectory &) = delete;
    RecordingDirectory &operator=(const RecordingDirectory &) = delete;

    bool isValid() const { return m_lockFd >= 0; }
    QString errorString() const { return m_error; }
    QString path() const { return m_dir.path(); }

    // Removes the recording directories in `base` whose owner is gone; returns
    // how many. One without a lock file (being created, or not weft's) stays.
    static int removeAbandoned(const QString &base);

private:
    QTemporaryDir m_dir;
    int m_lockFd = -1;
    QString m_error;
};

} // namespace weft::record
