// SPDX-License-Identifier: MIT
#include "processresources.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <unistd.h>

namespace weft::testsupport {

namespace {
int entriesIn(const QString &path)
{
    return int(QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

// Inodes of the sockets this process has open, as /proc/net/tcp names them.
QSet<QByteArray> socketInodes()
{
    QSet<QByteArray> inodes;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &fd :
         fds.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)) {
        const QString target = QFileInfo(fds.filePath(fd)).symLinkTarget();
        if (target.contains(QLatin1String("socket:[")))
            inodes.insert(target.section(QLatin1Char('['), 1).chopped(1).toLatin1());
    }
    return inodes;
}
} // namespace

int threadCount()
{
    return entriesIn(QStringLiteral("/proc/self/task"));
}

int openDescriptorCount()
{
    return entriesIn(QStringLiteral("/proc/self/fd"));
}

int childProcessCount()
{
    int count = 0;
    const QByteArray me = QByteArray::number(qint64(::getpid()));
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        entry.toInt(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue; // it exited while we looked
        // The command is parenthesised and may hold spaces; after it come: state ppid ...
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        count += fields.size() > 1 && fields[1] == me;
    }
    return count;
}

int listeningPortCount()
{
    // /proc/net/tcp lists every socket of the network namespace; ours are the
    // ones whose inode one of our descriptors points at.
    const QSet<QByteArray> ours = socketInodes();
    int count = 0;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // header
        while (!file.atEnd()) {
            const QList<QByteArray> f = file.readLine().simplified().split(' ');
            // sl local rem st tx:rx tr:when retrnsmt uid timeout inode; st 0A is LISTEN
            if (f.size() > 9 && f.at(3) == "0A" && ours.contains(f.at(9)))
                ++count;
        }
    }
    return count;
}

ProcessResources ProcessResources::ofThisProcess()
{
    ProcessResources r;
    r.threads = threadCount();
    r.descriptors = openDescriptorCount();
    r.children = childProcessCount();
    r.listeningPorts = listeningPortCount();
    return r;
}

bool ProcessResources::holdsNoMoreThan(const ProcessResources &before) const
{
    return threads <= before.threads && descriptors <= before.descriptors
        && children <= before.children && listeningPorts <= before.listeningPorts;
}

QString ProcessResources::describe() const
{
    return QStringLiteral("threads=%1 fds=%2 children=%3 listening=%4")
        .arg(threads)
        .arg(descriptors)
        .arg(children)
        .arg(listeningPorts);
}

} // namespace weft::testsupport
