#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>

#include <unistd.h>

namespace weft::testsupport {

// Children of this process, zombies included (/proc/<pid>/stat field 4 is
// the parent): after any run there must be none.
inline int childProcessCount()
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
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        count += fields.size() > 1 && fields[1] == me;
    }
    return count;
}

} // namespace weft::testsupport
