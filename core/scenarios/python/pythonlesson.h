// SPDX-License-Identifier: MIT
#pragma once

#include "core/scenario.h"
#include "core/trace.h"

#include <QStringList>

namespace weft {

// How a Python lesson's outcome is read from what the real interpreter did:
// the events of the recorded run, and the parameters it was given.
using PythonLessonCheck = Outcome (*)(const Trace &trace, const ParameterValues &parameters);

// One lesson of the catalogue written as a plain Python script (shipped in
// resources/lessons/, embedded as :/scenarios/python/<script>) and run under
// the real python3 with the recording library preloaded, like
// `weft record --python`: the threads, locks, GIL and sockets drawn are
// CPython's own, and every event's line is a line of the script.
//
// It is the twin of a C++ lesson: the same topic and parameters form (passed
// to the script as name=value arguments), and an outcome read from the events
// that states what the C++ lesson's outcome states.
class PythonLesson : public Scenario
{
public:
    // `twin` must outlive this lesson (both live in the catalogue).
    PythonLesson(const Scenario &twin, QString script, PythonLessonCheck check,
                 QStringList parameterNames = {});

    // Where CPython's way differs from what the C++ twin's explanation says:
    // the lesson's own text instead (a QT_TRANSLATE_NOOP in the PythonLesson context).
    void setOwnExplanation(const char *text) { m_ownExplanation = text; }

    // "<twin id>.py", e.g. "threads.create.py".
    static QString idFor(const QString &twinId);

    QString id() const override;
    Topic topic() const override { return m_twin.topic(); }
    QString title() const override;
    QString explanation() const override;
    QList<ParameterSpec> parameters() const override;
    QString sourceResource() const override;
    std::chrono::milliseconds defaultTimeout(const ParameterValues &parameters) const override;
    QString twinId() const override { return m_twin.id(); }
    SourceLanguage language() const override { return SourceLanguage::Python; }
    // No python3, or no recording library beside Weft.
    QString unavailableReason() const override;
    void run(RunContext &context) const override;

    // The interpreter lessons run under: $WEFT_PYTHON if set (to try another
    // version), else Debian's /usr/bin/python3, else the first python3 on PATH;
    // empty if there is none.
    static QString pythonInterpreter();
    // "3.11" as `python` reports it (asked once per path); empty if it does not answer.
    static QString pythonVersion(const QString &python);
    // The versions the probe is written for; only 3.11 (Debian 12's) was tried.
    static bool isSupportedVersion(const QString &version);

private:
    const Scenario &m_twin;
    const QString m_script;
    const PythonLessonCheck m_check;
    const QStringList m_parameterNames;
    const char *m_ownExplanation = nullptr;
};

} // namespace weft
