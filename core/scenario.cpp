// SPDX-License-Identifier: MIT
#include "scenario.h"

#include <QCoreApplication>
#include <QFile>

namespace weft {

QString topicTitle(Topic topic)
{
    switch (topic) {
    case Topic::Threads:
        return QCoreApplication::translate("weft::Topic", "Threads");
    case Topic::Locks:
        return QCoreApplication::translate("weft::Topic", "Locks");
    case Topic::Gil:
        return QCoreApplication::translate("weft::Topic", "GIL");
    case Topic::Processes:
        return QCoreApplication::translate("weft::Topic", "Processes");
    case Topic::Sockets:
        return QCoreApplication::translate("weft::Topic", "Sockets");
    case Topic::Sync:
        return QCoreApplication::translate("weft::Topic", "Synchronisation");
    }
    return {};
}

QString Scenario::sourceText() const
{
    QFile file(sourceResource());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace weft
