// SPDX-License-Identifier: MIT
#include "recordsession.h"

#include "livesnapshottaker.h"

namespace weft::ui {

namespace {
// Decoding reads every chunk again (on LiveSnapshotTaker's thread); a live
// picture four times a second is plenty for a person and leaves a core to a
// busy program.
constexpr int kPollMs = 50;
constexpr int kPollsPerLiveTrace = 5;
} // namespace

RecordSession::RecordSession(QObject *parent)
    : QObject(parent)
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &RecordSession::poll);
}

// The recorder kills a program still running; the taker first finishes the
// decoding it may be doing.
RecordSession::~RecordSession()
{
    delete m_snapshots;
}

bool RecordSession::start(const record::ProgramRecorder::Options &options, QString *error)
{
    if (isRunning()) {
        *error = tr("A program is already being recorded.");
        return false;
    }
    // The previous recording's taker first: it may still be reading the chunk
    // files that replacing the recorder deletes.
    delete m_snapshots;
    m_snapshots = nullptr;
    m_recorder = std::make_unique<record::ProgramRecorder>();
    m_command = options.command.join(u' ');
    if (!m_recorder->start(options, error))
        return false;
    m_snapshots = new LiveSnapshotTaker(m_recorder->liveTraceTaker(), this);
    connect(m_snapshots, &LiveSnapshotTaker::taken, this, [this](const Trace &live) {
        if (isRunning())
            Q_EMIT liveTraceUpdated(live);
    });
    m_polls = 0;
    m_poll.start();
    Q_EMIT started();
    return true;
}

bool RecordSession::isRunning() const
{
    return m_recorder && m_recorder->isRunning();
}

QStringList RecordSession::warnings() const
{
    return m_recorder ? m_recorder->warnings() : QStringList();
}

void RecordSession::cancel()
{
    if (!isRunning())
        return;
    m_recorder->cancel();
    finish();
}

void RecordSession::poll()
{
    if (!m_recorder)
        return;
    if (m_recorder->poll()) {
        finish();
        return;
    }
    if (++m_polls % kPollsPerLiveTrace == 0)
        m_snapshots->request(); // sent when decoded
}

void RecordSession::finish()
{
    m_poll.stop();
    m_snapshots->discard();
    Q_EMIT finished(m_recorder->trace());
}

} // namespace weft::ui
