// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <vector>

namespace weft {

class Recorder;

// Parent side of the event stream (see EventStreamWriter): merges a child
// process's events into the parent's Recorder as they arrive.
//
// The child's ids are its own, so every actor, object, string and site is
// remapped: the child's lanes join the process group `process`, its main
// thread becomes the lane the parent created for it (`mainActor`, where the
// process's start and exit are drawn), and objects named in `sharedObjects`
// (channels, queues) map onto the parent's objects, so a message sent in one
// process and received in another lands on one channel. Timestamps are kept:
// every process reads the same CLOCK_MONOTONIC.
class EventStreamReader
{
public:
    EventStreamReader(Recorder &recorder, quint32 process, quint32 mainActor,
                      QHash<QString, quint32> sharedObjects);

    // Consumes bytes from the stream; complete frames are merged at once.
    // False once the stream is malformed (error() says why); later bytes are ignored.
    bool feed(const QByteArray &bytes);
    QString error() const { return m_error; }

    // Lanes (parent ids) that started and have not ended: still running, or
    // killed with their process.
    std::vector<quint32> unfinishedThreads() const;
    qint64 mergedEvents() const { return m_mergedEvents; }

private:
    bool handleFrame(quint8 type, const QByteArray &payload);
    void mergeEvents(const QByteArray &payload);

    Recorder &m_recorder;
    const quint32 m_process;
    const quint32 m_mainActor;
    const QHash<QString, quint32> m_sharedObjects;
    bool m_mainMapped = false;

    QByteArray m_buffer;
    QString m_error;
    QHash<quint32, quint32> m_actors;
    QHash<quint32, quint32> m_objects;
    QHash<quint32, quint32> m_strings;
    QHash<quint32, quint16> m_sites;
    QSet<quint32> m_running; // parent actor ids
    QHash<quint32, qint64> m_lastTimeOfActor;
    std::vector<quint32> m_startOrder;
    qint64 m_mergedEvents = 0;
};

} // namespace weft
