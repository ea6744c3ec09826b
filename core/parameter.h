// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>

namespace weft {

// A typed, bounded scenario parameter. Labels and help are translated by the
// scenario that declares them; keys are stable identifiers used on the command line.
struct ParameterSpec
{
    enum class Type { Integer, Real, Boolean, Choice, Text };

    QString key;
    QString label;
    QString help;
    Type type = Type::Integer;
    QVariant defaultValue;
    QVariant minimum; // Integer, Real
    QVariant maximum; // Integer, Real; Text: maximum length
    QStringList choices; // Choice: allowed values (stable identifiers)
    QStringList choiceLabels; // Choice: what a form shows for each value, translated

    // What a form shows for choices[index]: its label, or the value itself when it has none.
    QString choiceLabel(qsizetype index) const;

    static ParameterSpec integer(QString key, QString label, qint64 defaultValue, qint64 minimum,
                                 qint64 maximum, QString help = {});
    static ParameterSpec real(QString key, QString label, double defaultValue, double minimum,
                              double maximum, QString help = {});
    static ParameterSpec boolean(QString key, QString label, bool defaultValue, QString help = {});
    // `labels`, when given, name each choice in the user's language (one per choice).
    static ParameterSpec choice(QString key, QString label, QStringList choices,
                                const QString &defaultValue, QString help = {},
                                QStringList labels = {});
    static ParameterSpec text(QString key, QString label, const QString &defaultValue,
                              int maximumLength = 256, QString help = {});

    // Converts and checks a value given as text; returns the error if it is not acceptable.
    std::optional<QVariant> parse(const QString &text, QString *error) const;
    // Checks an already typed value (e.g. from a form); returns an error message or empty.
    QString validate(const QVariant &value) const;
};

// The values a run uses: every declared key present, every value within bounds.
class ParameterValues
{
public:
    ParameterValues() = default;
    static ParameterValues defaults(const QList<ParameterSpec> &specs);
    // Applies "key=value" assignments over the defaults. On error returns
    // std::nullopt and a message naming the key and the accepted range.
    static std::optional<ParameterValues> fromAssignments(const QList<ParameterSpec> &specs,
                                                          const QStringList &assignments,
                                                          QString *error);

    void set(const QString &key, const QVariant &value) { m_values.insert(key, value); }
    QVariant value(const QString &key) const { return m_values.value(key); }
    bool contains(const QString &key) const { return m_values.contains(key); }
    qint64 integer(const QString &key) const { return m_values.value(key).toLongLong(); }
    double real(const QString &key) const { return m_values.value(key).toDouble(); }
    bool boolean(const QString &key) const { return m_values.value(key).toBool(); }
    QString text(const QString &key) const { return m_values.value(key).toString(); }
    const QVariantMap &map() const { return m_values; }

    // key=value pairs as text, in key order (for trace metadata and summaries).
    QList<QPair<QString, QString>> toText() const;

private:
    QVariantMap m_values;
};

} // namespace weft
