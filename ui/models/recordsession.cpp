// SPDX-License-Identifier: MIT
#include "recordsession.h"

namespace weft::ui {

namespace {
// Decoding reads every chunk again; a live picture four times a second is
// plenty for a person and keeps a busy program's recording from eating the GUI.
constexpr int kPollMs = 50;
constexpr int kPollsPerLiveTrace = 5;
} // namespace

RecordSession::RecordSession(QObject *parent)
    : QObject(parent)
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &RecordSession::poll);
}

RecordSession::~RecordSession() = default; // the recorder kills a program still running

bool RecordSession::start(const record::ProgramRecorder::Options &options, QString *error)
{
    if (isRunning()) {
        *error = tr("A program is already being recorded.");
        return false;
    }
    m_recorder = std::make_unique<record::ProgramRecorder>();
    m_command = options.command.join(u' ');
    if (!m_recorder->start(options, error))
        return false;
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
        Q_EMIT liveTraceUpdated(m_recorder->trace());
}

void RecordSession::finish()
{
    m_poll.stop();
    Q_EMIT finished(m_recorder->trace());
}

} // namespace weft::ui
