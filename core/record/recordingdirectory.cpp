// SPDX-License-Identifier: MIT
#include "recordingdirectory.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace weft::record {

RecordingDirectory::RecordingDirectory(const QString &base)
    : m_dir(base + QLatin1Char('/') + QLatin1String(kPrefix) + QStringLiteral("XXXXXX"))
{
    if (!m_dir.isValid()) {
        m_error = m_dir.errorString();
        return;
    }
    // Locked under another name, then renamed: a sweeper never sees the lock
    // file unlocked. O_CLOEXEC: the recorded program must not inherit the lock.
    const QByteArray pending = QFile::encodeName(m_dir.filePath(QStringLiteral("owner.pending")));
    const QByteArray lock = QFile::encodeName(m_dir.filePath(QLatin1String(kLockName)));
    const int fd = ::open(pending.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0
        || ::rename(pending.constData(), lock.constData()) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        if (fd >= 0)
            ::close(fd);
        return;
    }
    m_lockFd = fd;
}

RecordingDirectory::~RecordingDirectory()
{
    // QTemporaryDir removes the directory after this body; the lock goes first,
    // and a sweeper that takes it then only races us to remove the same files.
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

int RecordingDirectory::removeAbandoned(const QString &base)
{
    int removed = 0;
    const QDir dir(base);
    const QStringList names = dir.entryList({QLatin1String(kPrefix) + QLatin1Char('*')},
                                            QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    for (const QString &name : names) {
        const QByteArray lock
            = QFile::encodeName(dir.filePath(name + QLatin1Char('/') + QLatin1String(kLockName)));
        const int fd = ::open(lock.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            continue; // not ours to judge, or not readable by us
        const bool abandoned = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
        if (abandoned && QDir(dir.filePath(name)).removeRecursively())
            ++removed;
        ::close(fd);
    }
    return removed;
}

} // namespace weft::record
