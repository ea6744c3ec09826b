// SPDX-License-Identifier: MIT
#include "runcomparison.h"

#include "core/derived/steporder.h"
#include "core/interchange/untrustedtext.h"

#include <QStringList>
#include <algorithm>
#include <utility>

namespace weft::ui {

namespace {

// A short summary sentence is a result of its own; a long one is cut here.
constexpr int kMaxResultChars = 70;

// Whole milliseconds from 10 ms ("31 ms" reads better than "31.04 ms"),
// one decimal below, microseconds under a millisecond.
QString shortDuration(qint64 ns)
{
    if (ns >= 10'000'000'000)
        return RunComparison::tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 1);
    if (ns >= 10'000'000)
        return RunComparison::tr("%1 ms").arg(qRound64(double(ns) / 1e6));
    if (ns >= 1'000'000)
        return RunComparison::tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', 1);
    return RunComparison::tr("%1 µs").arg(qRound64(double(ns) / 1e3));
}

QString valueText(const QPair<QString, QString> &parameter)
{
    const QString &value = parameter.second;
    // A word ("nolock") names a variant; "true" or "4" alone says nothing: name the key.
    bool number = false;
    value.toDouble(&number);
    if (number || value == QLatin1String("true") || value == QLatin1String("false"))
        return parameter.first + QLatin1Char('=') + value;
    return value;
}

} // namespace

RunComparison::RunComparison(Trace first, Trace second)
    : m_first(std::move(first))
    , m_second(std::move(second))
{
    deriveLabels();
}

void RunComparison::setLabels(const QString &first, const QString &second)
{
    if (!first.isEmpty())
        m_firstLabel = first;
    if (!second.isEmpty())
        m_secondLabel = second;
}

void RunComparison::deriveLabels()
{
    const TraceMetadata &a = m_first.metadata(), &b = m_second.metadata();
    // A lesson and its Python twin ("<id>.py", as the catalogue names it,
    // saved or just run): the language is what differs.
    const QString py = QStringLiteral(".py");
    if (!a.scenarioId.isEmpty()
        && (b.scenarioId == a.scenarioId + py || a.scenarioId == b.scenarioId + py)) {
        const bool firstIsPython = a.scenarioId.endsWith(py);
        m_firstLabel = firstIsPython ? QStringLiteral("Python") : QStringLiteral("C++");
        m_secondLabel = firstIsPython ? QStringLiteral("C++") : QStringLiteral("Python");
        return;
    }
    if (a.scenarioId != b.scenarioId && !a.scenarioId.isEmpty() && !b.scenarioId.isEmpty()) {
        m_firstLabel = boundedText(a.scenarioId, 60);
        m_secondLabel = boundedText(b.scenarioId, 60);
        return;
    }
    // The parameters that differ name the runs: that is what was compared.
    QStringList first, second;
    for (const auto &parameter : a.parameters) {
        const auto other = std::find_if(b.parameters.begin(), b.parameters.end(),
                                        [&](const auto &p) { return p.first == parameter.first; });
        if (other == b.parameters.end() || other->second == parameter.second)
            continue;
        first << boundedText(valueText(parameter), 40);
        second << boundedText(valueText(*other), 40);
    }
    if (first.size() > 1) { // several: say which is which
        first.clear();
        second.clear();
        for (const auto &parameter : a.parameters) {
            for (const auto &other : b.parameters) {
                if (other.first == parameter.first && other.second != parameter.second) {
                    first << boundedText(parameter.first + QLatin1Char('=') + parameter.second, 40);
                    second << boundedText(other.first + QLatin1Char('=') + other.second, 40);
                }
            }
        }
    }
    if (!first.isEmpty()) {
        m_firstLabel = first.mid(0, 3).join(QLatin1String(", "));
        m_secondLabel = second.mid(0, 3).join(QLatin1String(", "));
        return;
    }
    m_firstLabel = tr("first run");
    m_secondLabel = tr("second run");
}

qint64 RunComparison::durationNs(const Trace &trace)
{
    return std::max<qint64>(0, trace.endNs() - trace.startNs());
}

qint64 RunComparison::sharedDurationNs() const
{
    if (m_stepAligned) // the longer run's columns, and one to end on
        return StepOrder::timeOfStep(
            qint64(std::max(m_first.events().size(), m_second.events().size())) + 1);
    return std::max<qint64>(1, std::max(durationNs(m_first), durationNs(m_second)));
}

Trace RunComparison::shownTrace(int index) const
{
    const Trace &trace = index == 0 ? m_first : m_second;
    return m_stepAligned ? StepOrder::map(trace) : trace;
}

QString RunComparison::resultOf(const Trace &trace)
{
    const Outcome &outcome = trace.outcome();
    if (outcome.status != Outcome::Status::Completed && outcome.status != Outcome::Status::NotRun)
        return outcomeStatusName(outcome.status);
    // "lost" is what every counting lesson reports: updates a race threw away.
    if (outcome.hasValue(QStringLiteral("lost"))) {
        const int lost = int(std::clamp<qint64>(outcome.value(QStringLiteral("lost")), 0,
                                                std::numeric_limits<int>::max()));
        // Not %n: an English plural needs the translation file, which a new
        // string has only once the translations are updated.
        if (lost == 0)
            return tr("exact");
        return lost == 1 ? tr("1 update lost") : tr("%1 updates lost").arg(lost);
    }
    QString summary = boundedText(outcome.summary.simplified(), 4 * kMaxResultChars);
    // The first sentence (Latin or Chinese full stop) says what happened.
    for (const QString &stop : {QStringLiteral(". "), QStringLiteral("。")}) {
        const qsizetype end = summary.indexOf(stop);
        if (end > 0)
            summary.truncate(end);
    }
    if (summary.endsWith(QLatin1Char('.')))
        summary.chop(1);
    if (summary.isEmpty())
        return outcomeStatusName(outcome.status);
    return boundedText(summary, kMaxResultChars);
}

QString RunComparison::differenceLine() const
{
    const qint64 a = durationNs(m_first), b = durationNs(m_second);
    QString line = tr("%1: %2 in %3; %4: %5 in %6")
                       .arg(m_firstLabel, resultOf(m_first), shortDuration(a), m_secondLabel,
                            resultOf(m_second), shortDuration(b));
    // A tenth apart or less is noise between two runs; more is worth a number.
    if (a > 0 && b > 0 && (std::max(a, b) * 10 > std::min(a, b) * 11)) {
        const bool firstSlower = a > b;
        const double ratio = double(std::max(a, b)) / double(std::min(a, b));
        line += tr(" (%1 took %2× as long)")
                    .arg(firstSlower ? m_firstLabel : m_secondLabel)
                    .arg(ratio, 0, 'f', ratio < 10 ? 1 : 0);
    }
    return line;
}

QString RunComparison::title() const
{
    const QString a = boundedText(m_first.metadata().title, 80),
                  b = boundedText(m_second.metadata().title, 80);
    if (a == b && !a.isEmpty())
        return tr("Compare: %1").arg(a);
    // A lesson and its twin: "Many threads, one counter" and the same with "(Python)".
    if (!a.isEmpty() && !b.isEmpty() && (a.startsWith(b) || b.startsWith(a)))
        return tr("Compare: %1").arg(a.size() < b.size() ? a : b);
    if (!a.isEmpty() && !b.isEmpty())
        return tr("Compare: %1 / %2").arg(a, b);
    return tr("Compare two runs");
}

QString RunComparison::frameTitle(bool second) const
{
    const Trace &trace = second ? m_second : m_first;
    const QString &label = second ? m_secondLabel : m_firstLabel;
    const QString title = boundedText(trace.metadata().title, 80);
    if (title.isEmpty())
        return label;
    return tr("%1 — %2").arg(label, title);
}

} // namespace weft::ui
