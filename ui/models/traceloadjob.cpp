// SPDX-License-Identifier: MIT
#include "traceloadjob.h"

#include "core/derived/viewderivations.h"
#include "core/interchange/traceloader.h"
#include "ui/timeline/derivedsnapshot.h"

#include <QMetaObject>

namespace weft::ui {

TraceLoadJob::TraceLoadJob(QObject *parent)
    : QObject(parent)
{
}

TraceLoadJob::~TraceLoadJob()
{
    m_cancel = true;
    join();
}

void TraceLoadJob::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

bool TraceLoadJob::start(const QString &path)
{
    if (m_running)
        return false;
    join(); // the previous load's thread has posted its result and is ending
    m_path = path;
    m_running = true;
    m_cancel = false;
    m_thread = std::thread([this, path] {
        // Everything the window sees is posted to the job's thread; queued
        // calls to a job that is gone are dropped with it.
        const auto report = [this](qint64 done, qint64 total, qint64 events) {
            QMetaObject::invokeMethod(
                this, [this, done, total, events] { Q_EMIT progress(done, total, events); },
                Qt::QueuedConnection);
        };
        QString error;
        QStringList warnings;
        std::optional<Trace> trace = loadTraceFile(path, &error, report, &m_cancel, &warnings);
        // What the window derives first, derived here instead: the shared
        // states, slices and arrows, then the timeline's model of them (not
        // cancellable: about a second at 10 M events).
        std::shared_ptr<DerivedSnapshot> derived;
        if (trace && !m_cancel) {
            deriveForViews(*trace);
            derived = DerivedSnapshot::of(*trace, false);
        }
        QMetaObject::invokeMethod(
            this,
            [this, trace = std::move(trace), derived = std::move(derived), error, warnings] {
                finish(trace, derived, error, warnings);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void TraceLoadJob::cancel()
{
    m_cancel = true;
}

void TraceLoadJob::finish(const std::optional<Trace> &trace,
                          const std::shared_ptr<DerivedSnapshot> &derived, const QString &error,
                          const QStringList &warnings)
{
    m_running = false;
    join();
    m_derived.reset();
    // A load that ended after Cancel was pressed is dropped all the same:
    // the window already went back to the trace it showed.
    if (m_cancel) {
        Q_EMIT cancelled();
        return;
    }
    if (!trace) {
        Q_EMIT failed(error);
        return;
    }
    m_derived = derived;
    Q_EMIT loaded(*trace, warnings);
    m_derived.reset(); // not taken: the window derives its own
}

} // namespace weft::ui
