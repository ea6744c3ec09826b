// SPDX-License-Identifier: MIT
#include "tracetypes.h"

#include <QCoreApplication>

namespace weft {

qint64 Outcome::value(const QString &key, qint64 fallback) const
{
    for (const auto &[k, v] : values) {
        if (k == key)
            return v;
    }
    return fallback;
}

bool Outcome::hasValue(const QString &key) const
{
    for (const auto &entry : values) {
        if (entry.first == key)
            return true;
    }
    return false;
}

void Outcome::setValue(const QString &key, qint64 value)
{
    for (auto &entry : values) {
        if (entry.first == key) {
            entry.second = value;
            return;
        }
    }
    values.append({key, value});
}

QString outcomeStatusName(Outcome::Status status)
{
    switch (status) {
    case Outcome::Status::NotRun:
        return QCoreApplication::translate("weft::Outcome", "not run");
    case Outcome::Status::Completed:
        return QCoreApplication::translate("weft::Outcome", "completed");
    case Outcome::Status::Failed:
        return QCoreApplication::translate("weft::Outcome", "failed");
    case Outcome::Status::Cancelled:
        return QCoreApplication::translate("weft::Outcome", "cancelled");
    case Outcome::Status::TimedOut:
        return QCoreApplication::translate("weft::Outcome", "timed out");
    case Outcome::Status::Deadlocked:
        return QCoreApplication::translate("weft::Outcome", "deadlock detected");
    }
    return {};
}

} // namespace weft
