// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace weft::ui {

// Replay over a finished Trace: a playhead that plays at a chosen speed or
// steps event by event. The playhead always lands exactly on an event's time
// when stepping. At 1x, a trace plays in real time but never in less than
// kMinPlayDurationMs, so a 5 ms run is still watchable.
class Playback : public QObject
{
    Q_OBJECT
public:
    explicit Playback(QObject *parent = nullptr);

    void setTrace(const Trace &trace);
    const Trace &trace() const { return m_trace; }

    qint64 playhead() const { return m_playheadNs; }
    // Index into trace.events() of the last event at or before the playhead; -1 before the first.
    int currentEventIndex() const { return m_current; }
    bool isPlaying() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }
    bool oneEventPerSecond() const { return m_oneEventPerSecond; }

    static constexpr double kMinSpeed = 0.1;
    static constexpr double kMaxSpeed = 10.0;
    static constexpr qint64 kMinPlayDurationMs = 10000;

public slots:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBackward();
    void stepLaneForward(quint32 actor);
    void stepLaneBackward(quint32 actor);
    void toStart();
    void toEnd();
    void setSpeed(double speed); // clamped to [0.1, 10]
    void setOneEventPerSecond(bool on); // teaching mode: one event per second (scaled by speed)
    void setPlayhead(qint64 ns); // e.g. scrubbing; current event follows

signals:
    void playheadChanged(qint64 ns);
    void currentEventChanged(int index);
    void playingChanged(bool playing);

private:
    void tick();
    void moveToEvent(int index);
    void updateCurrentFromPlayhead();
    void restartTimer();
    double playRateNsPerMs() const;

    Trace m_trace;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_playheadNs = 0;
    int m_current = -1;
    double m_speed = 1.0;
    bool m_oneEventPerSecond = false;
};

} // namespace weft::ui
