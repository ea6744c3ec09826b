// SPDX-License-Identifier: MIT
#include "workertarget.h"

#include <limits>

namespace weft {

// Labels are the keys: these specs are read by the worker host, never shown in a form.

ParameterSpec TargetValue<bool>::spec(const QString &key)
{
    return ParameterSpec::boolean(key, key, false);
}

QString TargetValue<bool>::encode(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

bool TargetValue<bool>::decode(const QVariant &value)
{
    return value.toBool();
}

ParameterSpec TargetValue<int>::spec(const QString &key)
{
    return ParameterSpec::integer(key, key, 0, std::numeric_limits<int>::min(),
                                  std::numeric_limits<int>::max());
}

QString TargetValue<int>::encode(int value)
{
    return QString::number(value);
}

int TargetValue<int>::decode(const QVariant &value)
{
    return int(value.toLongLong());
}

ParameterSpec TargetValue<qint64>::spec(const QString &key)
{
    return ParameterSpec::integer(key, key, 0, std::numeric_limits<qint64>::min(),
                                  std::numeric_limits<qint64>::max());
}

QString TargetValue<qint64>::encode(qint64 value)
{
    return QString::number(value);
}

qint64 TargetValue<qint64>::decode(const QVariant &value)
{
    return value.toLongLong();
}

ParameterSpec TargetValue<std::chrono::milliseconds>::spec(const QString &key)
{
    return ParameterSpec::integer(key, key, 0, 0, std::numeric_limits<qint64>::max());
}

QString TargetValue<std::chrono::milliseconds>::encode(std::chrono::milliseconds value)
{
    return QString::number(value.count());
}

std::chrono::milliseconds TargetValue<std::chrono::milliseconds>::decode(const QVariant &value)
{
    return std::chrono::milliseconds(value.toLongLong());
}

ParameterSpec TargetValue<QString>::spec(const QString &key)
{
    return ParameterSpec::text(key, key, {}, std::numeric_limits<int>::max());
}

QString TargetValue<QString>::encode(const QString &value)
{
    return value;
}

QString TargetValue<QString>::decode(const QVariant &value)
{
    return value.toString();
}

QString targetArgumentKey(int position)
{
    return QString::number(position);
}

ParameterSpec targetEndCountSpec(const QString &key)
{
    return ParameterSpec::integer(key, key, 0, 0, std::numeric_limits<int>::max());
}

} // namespace weft
