// SPDX-License-Identifier: MIT
#include "parameter.h"

#include <QCoreApplication>
#include <algorithm>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::Parameter)
};
} // namespace

namespace {
// The fields every kind of parameter has; each factory adds what its type needs.
ParameterSpec makeSpec(ParameterSpec::Type type, QString key, QString label, QString help,
                       QVariant defaultValue)
{
    ParameterSpec s;
    s.key = std::move(key);
    s.label = std::move(label);
    s.help = std::move(help);
    s.type = type;
    s.defaultValue = std::move(defaultValue);
    return s;
}

ParameterSpec makeBoundedSpec(ParameterSpec::Type type, QString key, QString label, QString help,
                              QVariant defaultValue, QVariant minimum, QVariant maximum)
{
    ParameterSpec s = makeSpec(type, std::move(key), std::move(label), std::move(help),
                               std::move(defaultValue));
    s.minimum = std::move(minimum);
    s.maximum = std::move(maximum);
    return s;
}
} // namespace

ParameterSpec ParameterSpec::integer(QString key, QString label, qint64 defaultValue,
                                     qint64 minimum, qint64 maximum, QString help)
{
    return makeBoundedSpec(Type::Integer, std::move(key), std::move(label), std::move(help),
                           defaultValue, minimum, maximum);
}

ParameterSpec ParameterSpec::real(QString key, QString label, double defaultValue, double minimum,
                                  double maximum, QString help)
{
    return makeBoundedSpec(Type::Real, std::move(key), std::move(label), std::move(help),
                           defaultValue, minimum, maximum);
}

ParameterSpec ParameterSpec::boolean(QString key, QString label, bool defaultValue, QString help)
{
    return makeSpec(Type::Boolean, std::move(key), std::move(label), std::move(help), defaultValue);
}

ParameterSpec ParameterSpec::choice(QString key, QString label, QStringList choices,
                                    const QString &defaultValue, QString help, QStringList labels)
{
    ParameterSpec s
        = makeSpec(Type::Choice, std::move(key), std::move(label), std::move(help), defaultValue);
    Q_ASSERT(labels.isEmpty() || labels.size() == choices.size());
    s.choices = std::move(choices);
    s.choiceLabels = std::move(labels);
    return s;
}

QString ParameterSpec::choiceLabel(qsizetype index) const
{
    if (index < 0 || index >= choices.size())
        return {};
    return index < choiceLabels.size() ? choiceLabels.at(index) : choices.at(index);
}

ParameterSpec ParameterSpec::text(QString key, QString label, const QString &defaultValue,
                                  int maximumLength, QString help)
{
    // Text has no minimum; its maximum is the longest accepted value.
    ParameterSpec s
        = makeSpec(Type::Text, std::move(key), std::move(label), std::move(help), defaultValue);
    s.maximum = maximumLength;
    return s;
}

std::optional<QVariant> ParameterSpec::parse(const QString &input, QString *error) const
{
    const QString text = input.trimmed();
    QVariant value;
    bool ok = true;
    switch (type) {
    case Type::Integer:
        value = text.toLongLong(&ok);
        break;
    case Type::Real:
        value = text.toDouble(&ok);
        break;
    case Type::Boolean: {
        const QString t = text.toLower();
        if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes")
            || t == QLatin1String("on"))
            value = true;
        else if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no")
                 || t == QLatin1String("off"))
            value = false;
        else
            ok = false;
        break;
    }
    case Type::Choice:
    case Type::Text:
        value = input;
        break;
    }
    if (!ok) {
        if (error) {
            *error = type == Type::Boolean
                ? Tr::tr("parameter '%1' expects true or false, not '%2'").arg(key, input)
                : Tr::tr("parameter '%1' expects a number, not '%2'").arg(key, input);
        }
        return std::nullopt;
    }
    const QString problem = validate(value);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return value;
}

QString ParameterSpec::validate(const QVariant &value) const
{
    switch (type) {
    case Type::Integer: {
        const qint64 v = value.toLongLong();
        if (v < minimum.toLongLong() || v > maximum.toLongLong())
            return Tr::tr("parameter '%1' must be between %2 and %3, not %4")
                .arg(key)
                .arg(minimum.toLongLong())
                .arg(maximum.toLongLong())
                .arg(v);
        break;
    }
    case Type::Real: {
        const double v = value.toDouble();
        if (!(v >= minimum.toDouble() && v <= maximum.toDouble()))
            return Tr::tr("parameter '%1' must be between %2 and %3, not %4")
                .arg(key)
                .arg(minimum.toDouble())
                .arg(maximum.toDouble())
                .arg(v);
        break;
    }
    case Type::Choice:
        if (!choices.contains(value.toString()))
            return Tr::tr("parameter '%1' must be one of %2, not '%3'")
                .arg(key, choices.join(QLatin1String(", ")), value.toString());
        break;
    case Type::Text:
        if (value.toString().size() > maximum.toInt())
            return Tr::tr("parameter '%1' is longer than %2 characters")
                .arg(key)
                .arg(maximum.toInt());
        break;
    case Type::Boolean:
        break;
    }
    return {};
}

ParameterValues ParameterValues::defaults(const QList<ParameterSpec> &specs)
{
    ParameterValues values;
    for (const auto &spec : specs)
        values.set(spec.key, spec.defaultValue);
    return values;
}

std::optional<ParameterValues> ParameterValues::fromAssignments(const QList<ParameterSpec> &specs,
                                                                const QStringList &assignments,
                                                                QString *error)
{
    ParameterValues values = defaults(specs);
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            if (error)
                *error = Tr::tr("parameter '%1' is not of the form key=value").arg(assignment);
            return std::nullopt;
        }
        const QString key = assignment.left(eq).trimmed();
        const auto spec = std::find_if(specs.begin(), specs.end(),
                                       [&](const ParameterSpec &s) { return s.key == key; });
        if (spec == specs.end()) {
            if (error) {
                QStringList known;
                for (const auto &s : specs)
                    known << s.key;
                *error = known.isEmpty()
                    ? Tr::tr("unknown parameter '%1': this scenario takes no parameters").arg(key)
                    : Tr::tr("unknown parameter '%1'; known parameters: %2")
                          .arg(key, known.join(QLatin1String(", ")));
            }
            return std::nullopt;
        }
        const auto parsed = spec->parse(assignment.mid(eq + 1), error);
        if (!parsed)
            return std::nullopt;
        values.set(key, *parsed);
    }
    return values;
}

QList<QPair<QString, QString>> ParameterValues::toText() const
{
    QList<QPair<QString, QString>> result;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        result.append({it.key(), it.value().toString()});
    return result;
}

} // namespace weft
