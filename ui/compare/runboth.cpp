// SPDX-License-Identifier: MIT
#include "runboth.h"

#include "core/scenario.h"
#include "twinpair.h"
#include "ui/models/runsession.h"

namespace weft::ui {

RunBoth::RunBoth(QObject *parent)
    : QObject(parent)
    , m_session(new RunSession(this))
{
    connect(m_session, &RunSession::finished, this, &RunBoth::onRunFinished);
}

RunBoth::~RunBoth() = default;

std::optional<ComparedParameter> RunBoth::parameterToCompare(const QList<ParameterSpec> &specs,
                                                             const ParameterValues &values)
{
    // A choice names the variants a lesson compares (mode: serial / lock /
    // nolock); a switch (daemon, join, fixed order) is the next best thing.
    for (const ParameterSpec::Type type :
         {ParameterSpec::Type::Choice, ParameterSpec::Type::Boolean}) {
        for (const ParameterSpec &spec : specs) {
            if (spec.type != type)
                continue;
            ComparedParameter compared;
            compared.key = spec.key;
            const QVariant current
                = values.contains(spec.key) ? values.value(spec.key) : spec.defaultValue;
            if (type == ParameterSpec::Type::Choice) {
                if (spec.choices.size() < 2)
                    continue;
                const qsizetype index
                    = std::max<qsizetype>(0, spec.choices.indexOf(current.toString()));
                const qsizetype next = (index + 1) % spec.choices.size();
                compared.first = spec.choices[index];
                compared.second = spec.choices[next];
                compared.firstLabel = spec.choiceLabel(index);
                compared.secondLabel = spec.choiceLabel(next);
            } else {
                compared.first = current.toBool();
                compared.second = !current.toBool();
                compared.firstLabel
                    = tr("%1: %2").arg(spec.label, current.toBool() ? tr("on") : tr("off"));
                compared.secondLabel
                    = tr("%1: %2").arg(spec.label, current.toBool() ? tr("off") : tr("on"));
            }
            return compared;
        }
    }
    return std::nullopt;
}

bool RunBoth::start(const Scenario &scenario, const ParameterValues &values)
{
    if (isRunning())
        return false;
    const auto parameter = parameterToCompare(scenario.parameters(), values);
    if (!parameter)
        return false;
    ParameterValues first = values, second = values;
    first.set(parameter->key, parameter->first);
    second.set(parameter->key, parameter->second);
    return startPair({&scenario, first, parameter->firstLabel},
                     {&scenario, second, parameter->secondLabel});
}

bool RunBoth::startTwins(const TwinPair &twins)
{
    if (isRunning() || !twins.cpp || !twins.python)
        return false;
    // Language names, the same in every translation.
    return startPair({twins.cpp, twins.cppValues, QStringLiteral("C++")},
                     {twins.python, twins.pythonValues, QStringLiteral("Python")});
}

bool RunBoth::startPair(const Planned &first, const Planned &second)
{
    m_planned[0] = first;
    m_planned[1] = second;
    m_first.reset();
    m_result.reset();
    if (!m_session->start(*first.scenario, first.values))
        return false;
    m_secondPending = true;
    Q_EMIT progress(tr("Running %1 (1 of 2)…").arg(first.label));
    return true;
}

void RunBoth::onRunFinished(const Trace &trace)
{
    if (!m_first) {
        m_first = trace;
        const Planned &second = m_planned[1];
        if (m_secondPending && second.scenario
            && m_session->start(*second.scenario, second.values)) {
            m_secondPending = false;
            Q_EMIT progress(tr("Running %1 (2 of 2)…").arg(second.label));
            return;
        }
    }
    // The second run (or a second start that failed: then the first twice is
    // no comparison, so none is offered).
    if (m_first && !trace.sharesDataWith(*m_first)) {
        RunComparison comparison(*m_first, trace);
        comparison.setLabels(m_planned[0].label, m_planned[1].label);
        m_result = comparison;
    }
    m_first.reset();
    m_secondPending = false;
    Q_EMIT finished();
}

void RunBoth::cancel()
{
    m_secondPending = false;
    m_session->cancel();
}

bool RunBoth::isRunning() const
{
    return m_session->isRunning() || m_first.has_value();
}

} // namespace weft::ui
