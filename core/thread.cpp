// SPDX-License-Identifier: MIT
#include "thread.h"

#include "cancelled.h"
#include "runcontext.h"
#include "sync/deadlockreport.h"

#include <QCoreApplication>
#include <stdexcept>
#include <sys/syscall.h>
#include <unistd.h>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::Thread)
};
} // namespace

Thread::Thread(QString name)
    : m_name(std::move(name))
{
}

Thread::~Thread()
{
    if (m_thread.joinable()) {
        // An unjoined thread is waited for here, without an event; a replay must
        // still know that the destroying lane cannot move until this one ends.
        if (RunContext *context = RunContext::current(); context && context == m_context)
            context->noteWaitingForEnd(m_actor);
        waitFinished();
        m_thread.join();
    }
}

void Thread::start(std::source_location location)
{
    startIn(RunContext::require("weft::Thread::start()"), false, location);
}

void Thread::startIn(RunContext &context, bool isMainThread, std::source_location location)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_started)
            throw std::logic_error("weft::Thread started twice");
        m_started = true;
    }
    m_context = &context;
    if (m_name.isEmpty())
        m_name = QStringLiteral("Thread-%1").arg(context.nextThreadNumber());
    m_actor = context.addThreadActor(m_name, isMainThread, m_daemon);
    if (RunContext::current() == &context) {
        context.passGate(EventKind::ThreadStart, 0, Tr::tr("start %1").arg(m_name), location);
        context.record(EventKind::ThreadSpawn, location, 0, m_actor);
    }
    context.threadStarted();
    m_thread = std::thread([this] { body(); });
}

void Thread::body()
{
    RunContext &context = *m_context;
    RunContext::bindCurrentThread(&context, m_actor);
    const qint64 tid = qint64(::syscall(SYS_gettid));
    m_nativeId.store(tid);
    context.recorder().setActorNativeId(m_actor, tid);
    context.recorder().record(EventKind::ThreadStart, m_actor, 0, tid);

    quint8 endFlags = NoFlags;
    try {
        run();
    } catch (const Cancelled &) {
        m_cancelled.store(true);
        endFlags = Abnormal;
    } catch (const std::exception &e) {
        const QString message = QString::fromLocal8Bit(e.what());
        {
            std::lock_guard lock(m_mutex);
            m_error = message;
        }
        context.recorder().record(EventKind::Error, m_actor, 0, 0,
                                  context.recorder().intern(message), 0, Abnormal);
        endFlags = Abnormal;
    }
    context.recorder().record(EventKind::ThreadEnd, m_actor, 0, 0, 0, 0, endFlags);
    RunContext::bindCurrentThread(nullptr, 0);
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_finishedCv.notify_all();
    context.threadFinished();
}

void Thread::run()
{
    if (m_target)
        m_target();
}

void Thread::join(std::source_location location)
{
    RunContext *context = RunContext::current();
    if (!context || !m_thread.joinable()) {
        if (m_thread.joinable()) {
            waitFinished();
            m_thread.join();
        }
        return;
    }
    context->passGate(EventKind::JoinWait, 0, Tr::tr("join %1").arg(m_name), location);
    context->record(EventKind::JoinWait, location, 0, m_actor);
    {
        // A join is a wait in the run's wait-for graph, so a join that closes a
        // cycle (e.g. joining a thread that waits for a lock we hold) is reported.
        const quint32 me = RunContext::currentActor();
        WaitForGraph &graph = context->waitGraph();
        graph.beginWait(me, WaitTarget::thread(m_actor));
        std::unique_lock lock(m_mutex);
        // Short slices keep a cancelled joiner responsive without a second wake-up path.
        while (!m_finished) {
            m_finishedCv.wait_for(lock, std::chrono::milliseconds(5));
            if (!m_finished && !context->isCancelled()) {
                lock.unlock();
                detectDeadlock(*context, me);
                lock.lock();
            }
            if (!m_finished && context->isCancelled()) {
                graph.endWait(me);
                throw Cancelled {};
            }
        }
        graph.endWait(me);
    }
    m_thread.join();
    context->record(EventKind::JoinDone, location, 0, m_actor);
}

void Thread::waitFinished()
{
    std::unique_lock lock(m_mutex);
    m_finishedCv.wait(lock, [this] { return m_finished; });
}

bool Thread::isAlive() const
{
    std::lock_guard lock(m_mutex);
    return m_started && !m_finished;
}

QString Thread::errorMessage() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

QString currentThreadName()
{
    RunContext *context = RunContext::current();
    if (!context)
        return {};
    // The recorder's actor table is the single source of truth for names.
    return context->recorder().actorInfo(RunContext::currentActor()).name;
}

qint64 currentNativeThreadId()
{
    return qint64(::syscall(SYS_gettid));
}

} // namespace weft
