// SPDX-License-Identifier: MIT
#pragma once

#include "core/recorder.h"
#include "core/runcontext.h"
#include "core/stepgate.h"

#include <memory>

namespace weft::testsupport {

// A run without a Runner, for unit tests of traced primitives: it owns a
// recorder, a gate and a context, and binds the calling (test) thread to them
// as the lane "MainThread" until it goes out of scope.
class ScopedRun
{
public:
    explicit ScopedRun(ParameterValues parameters = {});
    ~ScopedRun();
    ScopedRun(const ScopedRun &) = delete;
    ScopedRun &operator=(const ScopedRun &) = delete;

    RunContext &context() { return *m_context; }
    Recorder &recorder() { return m_recorder; }
    StepGate &gate() { return m_gate; }
    quint32 mainActor() const { return m_mainActor; }
    // Everything recorded so far.
    Trace trace() const { return m_recorder.snapshot(); }

private:
    Recorder m_recorder;
    StepGate m_gate;
    std::unique_ptr<RunContext> m_context;
    quint32 m_mainActor = 0;
};

} // namespace weft::testsupport
