// SPDX-License-Identifier: MIT
#include "eventstreamreader.h"

#include "core/recorder.h"
#include "eventstreamwriter.h"

#include <QDataStream>
#include <QIODevice>
#include <QtEndian>
#include <algorithm>
#include <cstring>

namespace weft {

namespace {
constexpr qsizetype kHeaderBytes = 5;
constexpr quint32 kMaxPayload = 64u * 1024u * 1024u;

bool carriesActorInValue(EventKind kind)
{
    return kind == EventKind::JoinWait || kind == EventKind::JoinDone
        || kind == EventKind::ThreadSpawn;
}
} // namespace

EventStreamReader::EventStreamReader(Recorder &recorder, quint32 process, quint32 mainActor,
                                     QHash<QString, quint32> sharedObjects)
    : m_recorder(recorder)
    , m_process(process)
    , m_mainActor(mainActor)
    , m_sharedObjects(std::move(sharedObjects))
{
}

bool EventStreamReader::feed(const QByteArray &bytes)
{
    if (!m_error.isEmpty())
        return false;
    m_buffer += bytes;
    qsizetype at = 0;
    while (m_buffer.size() - at >= kHeaderBytes) {
        const quint8 type = quint8(m_buffer.at(at));
        const quint32 size = qFromBigEndian<quint32>(m_buffer.constData() + at + 1);
        if (size > kMaxPayload) {
            m_error = QStringLiteral("oversized frame");
            return false;
        }
        if (m_buffer.size() - at - kHeaderBytes < qsizetype(size))
            break;
        if (!handleFrame(type, m_buffer.mid(at + kHeaderBytes, size)))
            return false;
        at += kHeaderBytes + size;
    }
    m_buffer.remove(0, at);
    return true;
}

bool EventStreamReader::handleFrame(quint8 type, const QByteArray &payload)
{
    using FrameType = EventStreamWriter::FrameType;
    QDataStream s(payload);
    s.setVersion(QDataStream::Qt_6_4);
    switch (FrameType(type)) {
    case FrameType::Actor: {
        quint32 id;
        ActorInfo actor;
        s >> id >> actor.name >> actor.nativeId >> actor.isMainThread >> actor.isDaemon;
        if (s.status() != QDataStream::Ok)
            break;
        actor.process = m_process;
        if (actor.isMainThread && !m_mainMapped) {
            // The lane the parent drew the process's start on.
            m_mainMapped = true;
            m_actors.insert(id, m_mainActor);
        } else {
            m_actors.insert(id, m_recorder.addActor(actor));
        }
        return true;
    }
    case FrameType::Object: {
        quint32 id;
        QString name;
        quint8 kind;
        s >> id >> name >> kind;
        if (s.status() != QDataStream::Ok)
            break;
        const auto shared = m_sharedObjects.constFind(name);
        m_objects.insert(id,
                         shared != m_sharedObjects.constEnd()
                             ? shared.value()
                             : m_recorder.addObject(name, ObjectKind(kind)));
        return true;
    }
    case FrameType::String: {
        quint32 id;
        QString text;
        s >> id >> text;
        if (s.status() != QDataStream::Ok)
            break;
        m_strings.insert(id, m_recorder.intern(text));
        return true;
    }
    case FrameType::Site: {
        quint16 id;
        SourceSite site;
        qint32 line;
        s >> id >> site.file >> line;
        if (s.status() != QDataStream::Ok)
            break;
        site.line = line;
        m_sites.insert(id, m_recorder.addSite(site));
        return true;
    }
    case FrameType::Events:
        if (payload.size() % qsizetype(sizeof(Event)) != 0)
            break;
        mergeEvents(payload);
        return true;
    }
    m_error = QStringLiteral("malformed frame of type %1").arg(type);
    return false;
}

void EventStreamReader::mergeEvents(const QByteArray &payload)
{
    const qsizetype count = payload.size() / qsizetype(sizeof(Event));
    for (qsizetype i = 0; i < count; ++i) {
        Event e;
        std::memcpy(&e, payload.constData() + i * qsizetype(sizeof(Event)), sizeof(Event));
        e.actor = m_actors.value(e.actor);
        e.object = m_objects.value(e.object);
        e.text = m_strings.value(e.text);
        e.site = m_sites.value(e.site);
        if (carriesActorInValue(e.kind))
            e.value = m_actors.value(quint32(e.value));
        e.flags = quint8(e.flags | Imported);
        // The child maps its CPU ticks onto CLOCK_MONOTONIC per batch, which can
        // jitter by a few hundred ns between batches: keep each lane monotonic.
        qint64 &last = m_lastTimeOfActor[e.actor];
        e.timeNs = std::max(e.timeNs, last);
        last = e.timeNs;
        if (e.kind == EventKind::ThreadStart && e.actor) {
            m_recorder.setActorNativeId(e.actor, e.value);
            m_running.insert(e.actor);
            m_startOrder.push_back(e.actor);
        } else if (e.kind == EventKind::ThreadEnd) {
            m_running.remove(e.actor);
        }
        m_recorder.append(e);
        ++m_mergedEvents;
    }
}

std::vector<quint32> EventStreamReader::unfinishedThreads() const
{
    std::vector<quint32> result;
    for (quint32 actor : m_startOrder) {
        if (m_running.contains(actor))
            result.push_back(actor);
    }
    return result;
}

} // namespace weft
