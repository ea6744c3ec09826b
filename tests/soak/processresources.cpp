#include "processresources.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <unistd.h>

namespace {
int entriesIn(const QString &path)
{
    return int(QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

int countChildProcesses()
{
    const QString me = QString::number(::getpid());
    int count = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // Fields after the parenthesised command: state ppid ...
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 1 && fields.at(1) == me.toLatin1())
            ++count;
    }
    return count;
}

int countListeningPorts()
{
    QSet<QByteArray> socketInodes;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &fd : fds.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)) {
        const QString target = QFileInfo(fds.filePath(fd)).symLinkTarget();
        if (target.contains(QLatin1String("socket:[")))
            socketInodes.insert(target.section(QLatin1Char('['), 1).chopped(1).toLatin1());
    }
    int count = 0;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // header
        while (!file.atEnd()) {
            const QList<QByteArray> f = file.readLine().simplified().split(' ');
            // sl local rem st tx:rx tr:when retrnsmt uid timeout inode
            if (f.size() > 9 && f.at(3) == "0A" && socketInodes.contains(f.at(9)))
                ++count;
        }
    }
    return count;
}
} // namespace

ProcessResources ProcessResources::ofThisProcess()
{
    ProcessResources r;
    r.threads = entriesIn(QStringLiteral("/proc/self/task"));
    r.descriptors = entriesIn(QStringLiteral("/proc/self/fd"));
    r.children = countChildProcesses();
    r.listeningPorts = countListeningPorts();
    return r;
}

QString ProcessResources::describe() const
{
    return QStringLiteral("threads=%1 fds=%2 children=%3 listening=%4")
        .arg(threads)
        .arg(descriptors)
        .arg(children)
        .arg(listeningPorts);
}
