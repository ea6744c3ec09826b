// SPDX-License-Identifier: MIT
#include "tracing.h"

#include "cancelled.h"
#include "runcontext.h"

#include <QCoreApplication>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::Tracing)
};
} // namespace

void print(const QString &text, std::source_location location)
{
    RunContext &context = RunContext::require("weft::print");
    context.passGate(EventKind::Print, 0, Tr::tr("print \"%1\"").arg(text.left(40)), location);
    context.record(EventKind::Print, location, 0, 0, context.recorder().intern(text));
}

void sleepFor(std::chrono::nanoseconds duration, std::source_location location)
{
    RunContext &context = RunContext::require("weft::sleepFor");
    const double ms = std::chrono::duration<double, std::milli>(duration).count();
    context.passGate(EventKind::SleepBegin, 0, Tr::tr("sleep %1 ms").arg(ms), location);
    const auto deadline = std::chrono::steady_clock::now() + duration;
    context.record(EventKind::SleepBegin, location, 0, duration.count());
    try {
        context.sleepUntil(deadline);
    } catch (const Cancelled &) {
        context.record(EventKind::SleepEnd, location, 0, 0, 0, Abnormal);
        throw;
    }
    context.record(EventKind::SleepEnd, location);
}

void mark(const QString &text, bool abnormal, std::source_location location)
{
    RunContext &context = RunContext::require("weft::mark");
    context.record(EventKind::Mark, location, 0, 0, context.recorder().intern(text),
                   abnormal ? Abnormal : NoFlags);
}

void reportError(const QString &text, std::source_location location)
{
    RunContext &context = RunContext::require("weft::reportError");
    context.record(EventKind::Error, location, 0, 0, context.recorder().intern(text), Abnormal);
}

Phase::Phase(const QString &name, qint64 value, std::source_location location)
    : m_location(location)
{
    RunContext &context = RunContext::require("weft::Phase");
    context.record(EventKind::SpanBegin, location, 0, value, context.recorder().intern(name));
}

Phase::~Phase()
{
    // The end carries the line that opened the phase: it is the phase's line.
    if (RunContext *context = RunContext::current())
        context->record(EventKind::SpanEnd, m_location);
}

void checkCancelled()
{
    if (RunContext *context = RunContext::current()) {
        context->throwIfCancelled();
        // Only a loop with nothing else to stop at polls: a replay must not wait for it.
        context->noteBusy();
    }
}

} // namespace weft
