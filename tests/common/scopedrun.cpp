// SPDX-License-Identifier: MIT
#include "scopedrun.h"

#include <sys/syscall.h>
#include <unistd.h>

namespace weft::testsupport {

ScopedRun::ScopedRun(ParameterValues parameters)
    : m_context(std::make_unique<RunContext>(m_recorder, m_gate, std::move(parameters)))
{
    m_mainActor = m_context->addThreadActor(QStringLiteral("MainThread"), true);
    m_recorder.setActorNativeId(m_mainActor, qint64(::syscall(SYS_gettid)));
    RunContext::bindCurrentThread(m_context.get(), m_mainActor);
}

ScopedRun::~ScopedRun()
{
    RunContext::bindCurrentThread(nullptr, 0);
}

} // namespace weft::testsupport
