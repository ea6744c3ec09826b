// SPDX-License-Identifier: MIT
#include "recordinghistory.h"

#include <QSettings>
#include <QVariantMap>

namespace weft::ui {

namespace {
const QString kHistoryKey = QStringLiteral("record/history");

QString quoted(const QString &word)
{
    static const QString plain = QStringLiteral(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%");
    const bool safe = !word.isEmpty()
        && std::all_of(word.begin(), word.end(), [](QChar c) { return plain.contains(c); });
    if (safe)
        return word;
    QString escaped = word;
    escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

bool sameProgram(const record::ProgramRecorder::Options &a,
                 const record::ProgramRecorder::Options &b)
{
    return a.command == b.command && a.workingDirectory == b.workingDirectory
        && a.environment == b.environment;
}
} // namespace

RecordingHistory::RecordingHistory()
{
    const QVariantList stored = QSettings().value(kHistoryKey).toList();
    for (const QVariant &item : stored) {
        const QVariantMap map = item.toMap();
        record::ProgramRecorder::Options options;
        options.command = map.value(QStringLiteral("command")).toStringList();
        options.workingDirectory = map.value(QStringLiteral("directory")).toString();
        options.environment = map.value(QStringLiteral("environment")).toStringList();
        options.timeout
            = std::chrono::milliseconds(map.value(QStringLiteral("timeoutMs"), 60000).toLongLong());
        if (!options.command.isEmpty() && m_entries.size() < kMaxEntries)
            m_entries.append(options);
    }
}

void RecordingHistory::add(const record::ProgramRecorder::Options &options)
{
    m_entries.removeIf([&](const auto &entry) { return sameProgram(entry, options); });
    m_entries.prepend(options);
    while (m_entries.size() > kMaxEntries)
        m_entries.removeLast();
    save();
}

void RecordingHistory::save() const
{
    QVariantList stored;
    for (const auto &options : m_entries) {
        stored.append(
            QVariantMap {{QStringLiteral("command"), options.command},
                         {QStringLiteral("directory"), options.workingDirectory},
                         {QStringLiteral("environment"), options.environment},
                         {QStringLiteral("timeoutMs"), qlonglong(options.timeout.count())}});
    }
    QSettings().setValue(kHistoryKey, stored);
}

QString RecordingHistory::displayText(const record::ProgramRecorder::Options &options)
{
    QStringList words;
    for (const QString &word : options.command)
        words.append(quoted(word));
    return words.join(QLatin1Char(' '));
}

} // namespace weft::ui
