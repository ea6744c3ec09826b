// SPDX-License-Identifier: MIT
#include "playback.h"

#include <algorithm>
#include <cmath>

namespace weft::ui {

namespace {
constexpr int kFrameMs = 16;
}

Playback::Playback(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Playback::tick);
}

void Playback::setTrace(const Trace &trace)
{
    pause();
    m_trace = trace;
    m_current = -2; // force currentEventChanged
    m_playheadNs = trace.startNs() - 1;
    setPlayhead(trace.startNs());
}

void Playback::play()
{
    if (m_trace.isEmpty() || isPlaying())
        return;
    if (m_playheadNs >= m_trace.endNs())
        toStart();
    restartTimer();
    emit playingChanged(true);
}

void Playback::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void Playback::togglePlay()
{
    isPlaying() ? pause() : play();
}

void Playback::stepForward()
{
    const auto &events = m_trace.events();
    if (events.empty())
        return;
    // At the last event (where a finished run or an opened trace shows it all),
    // the next step starts over from the first, as Play does.
    const int last = int(events.size()) - 1;
    moveToEvent(m_current >= last ? 0 : m_current + 1);
}

void Playback::stepBackward()
{
    if (m_trace.isEmpty())
        return;
    moveToEvent(std::max(m_current - 1, 0));
}

void Playback::stepLaneForward(quint32 actor)
{
    const auto &events = m_trace.events();
    for (int i = m_current + 1; i < int(events.size()); ++i) {
        if (events[std::size_t(i)].actor == actor) {
            moveToEvent(i);
            return;
        }
    }
}

void Playback::stepLaneBackward(quint32 actor)
{
    const auto &events = m_trace.events();
    for (int i = std::min(m_current, int(events.size())) - 1; i >= 0; --i) {
        if (events[std::size_t(i)].actor == actor) {
            moveToEvent(i);
            return;
        }
    }
}

void Playback::toStart()
{
    if (!m_trace.isEmpty())
        moveToEvent(0);
}

void Playback::toEnd()
{
    if (!m_trace.isEmpty())
        moveToEvent(int(m_trace.events().size()) - 1);
}

void Playback::setSpeed(double speed)
{
    if (!std::isfinite(speed))
        return;
    m_speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (isPlaying())
        restartTimer();
}

void Playback::setOneEventPerSecond(bool on)
{
    m_oneEventPerSecond = on;
    if (isPlaying())
        restartTimer();
}

void Playback::setPlayhead(qint64 ns)
{
    if (ns == m_playheadNs)
        return;
    m_playheadNs = ns;
    emit playheadChanged(ns);
    updateCurrentFromPlayhead();
}

void Playback::tick()
{
    if (m_oneEventPerSecond) {
        if (m_current + 1 >= int(m_trace.events().size())) {
            pause();
            return;
        }
        stepForward();
        return;
    }
    const qint64 elapsedMs = m_clock.restart();
    const qint64 advance = std::max<qint64>(1, qint64(double(elapsedMs) * playRateNsPerMs()));
    const qint64 next = std::min(m_playheadNs + advance, m_trace.endNs());
    setPlayhead(next);
    if (next >= m_trace.endNs())
        pause();
}

void Playback::moveToEvent(int index)
{
    const auto &events = m_trace.events();
    if (index < 0 || index >= int(events.size()))
        return;
    const qint64 t = events[std::size_t(index)].timeNs;
    if (t != m_playheadNs) {
        m_playheadNs = t;
        emit playheadChanged(t);
    }
    if (index != m_current) {
        m_current = index;
        emit currentEventChanged(index);
    }
}

void Playback::updateCurrentFromPlayhead()
{
    const auto &events = m_trace.events();
    const auto it = std::upper_bound(events.begin(), events.end(), m_playheadNs,
                                     [](qint64 t, const Event &e) { return t < e.timeNs; });
    const int index = int(it - events.begin()) - 1;
    if (index != m_current) {
        m_current = index;
        emit currentEventChanged(index);
    }
}

void Playback::restartTimer()
{
    m_clock.start();
    m_timer.start(m_oneEventPerSecond ? int(std::lround(1000.0 / m_speed)) : kFrameMs);
}

double Playback::playRateNsPerMs() const
{
    // Real time, stretched so the whole trace takes at least kMinPlayDurationMs at 1x.
    const double duration = double(std::max<qint64>(1, m_trace.endNs() - m_trace.startNs()));
    const double realTime = 1e6;
    return std::min(realTime, duration / double(kMinPlayDurationMs)) * m_speed;
}

} // namespace weft::ui
