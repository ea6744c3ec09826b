// SPDX-License-Identifier: MIT
#pragma once

#include "core/record/programrecorder.h"
#include "core/trace.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace weft::ui {

class LiveSnapshotTaker;

// One recording of a real program as the window sees it: started from the
// Record dialog, polled on a timer (the program runs in its own process; the
// GUI thread only reads the chunk files it leaves), a live trace while it
// runs, the finished trace when it ends, is cancelled or times out.
class RecordSession : public QObject
{
    Q_OBJECT
public:
    explicit RecordSession(QObject *parent = nullptr);
    ~RecordSession() override;

    // False with a message if the program cannot be started.
    bool start(const record::ProgramRecorder::Options &options, QString *error);
    void cancel();
    bool isRunning() const;
    QString command() const { return m_command; }
    QStringList warnings() const;

    void setPollInterval(int ms) { m_poll.setInterval(ms); }

Q_SIGNALS:
    void started();
    void liveTraceUpdated(const weft::Trace &trace);
    void finished(const weft::Trace &trace);

private:
    void poll();
    void finish();

    std::unique_ptr<record::ProgramRecorder> m_recorder;
    // Decodes the live trace off the window's thread (every chunk, each time).
    LiveSnapshotTaker *m_snapshots = nullptr;
    QTimer m_poll;
    QString m_command;
    int m_polls = 0;
};

} // namespace weft::ui
