// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>
#include <thread>

namespace weft::ui {

struct DerivedSnapshot;

// Opens one trace file on a worker thread (loadTraceFile), so a large file
// neither freezes the window nor needs a modal dialog. Every signal is
// emitted on the job's own thread: the worker posts to it, never touches a
// widget. Exactly one of loaded(), failed() or cancelled() ends a load.
class TraceLoadJob : public QObject
{
    Q_OBJECT
public:
    explicit TraceLoadJob(QObject *parent = nullptr);
    // Cancels a load in progress and waits for its thread.
    ~TraceLoadJob() override;

    // False if a load is in progress.
    bool start(const QString &path);
    // The load stops soon after; cancelled() follows and nothing is kept.
    void cancel();
    bool isRunning() const { return m_running; }
    QString path() const { return m_path; }
    // The timeline's model of the trace just loaded, derived on the loading
    // thread for the time axis (TimelineView::setTrace adopts it): taken by
    // whoever shows the trace on loaded(); null after that, or after a failure.
    std::shared_ptr<DerivedSnapshot> takeDerived() { return std::move(m_derived); }

Q_SIGNALS:
    void progress(qint64 bytesDone, qint64 bytesTotal, qint64 events);
    void loaded(const weft::Trace &trace, const QStringList &warnings);
    void failed(const QString &message);
    void cancelled();

private:
    void finish(const std::optional<Trace> &trace, const std::shared_ptr<DerivedSnapshot> &derived,
                const QString &error, const QStringList &warnings);
    void join();

    QString m_path;
    bool m_running = false;
    std::atomic_bool m_cancel {false};
    std::thread m_thread;
    std::shared_ptr<DerivedSnapshot> m_derived;
};

} // namespace weft::ui
