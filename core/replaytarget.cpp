// SPDX-License-Identifier: MIT
#include "replaytarget.h"

#include <QCoreApplication>

namespace weft {

QString remoteReplayTarget(const QList<QPair<QString, QString>> &parameters)
{
    for (const auto &[key, value] : parameters) {
        if (key != QLatin1String("host"))
            continue;
        const QString host = value.trimmed().toLower();
        if (host == QLatin1String("127.0.0.1") || host == QLatin1String("::1")
            || host == QLatin1String("localhost") || host.isEmpty())
            continue;
        QString target = host;
        for (const auto &[otherKey, otherValue] : parameters) {
            if (otherKey == QLatin1String("port"))
                target += QLatin1Char(' ')
                    + QCoreApplication::translate("weft::ReplayTarget", "port %1").arg(otherValue);
        }
        return target;
    }
    return {};
}

} // namespace weft
