// SPDX-License-Identifier: MIT
#include "eventstreamwriter.h"

#include "core/recorder.h"

#include <QDataStream>
#include <QIODevice>
#include <QtEndian>
#include <cerrno>
#include <unistd.h>

namespace weft {

namespace {
QDataStream &setUp(QDataStream &stream)
{
    stream.setVersion(QDataStream::Qt_6_4);
    return stream;
}
} // namespace

EventStreamWriter::EventStreamWriter(const Recorder &recorder)
    : m_recorder(recorder)
{
}

EventStreamWriter::~EventStreamWriter()
{
    stop();
}

QByteArray EventStreamWriter::frame(FrameType type, const QByteArray &payload)
{
    QByteArray bytes(5, Qt::Uninitialized);
    bytes[0] = char(type);
    qToBigEndian(quint32(payload.size()), bytes.data() + 1);
    return bytes + payload;
}

QByteArray EventStreamWriter::encodePending()
{
    const Trace trace = m_recorder.snapshot();
    QByteArray out;
    auto encode = [&out](FrameType type, auto &&write) {
        QByteArray payload;
        QDataStream stream(&payload, QIODevice::WriteOnly);
        write(setUp(stream));
        out += frame(type, payload);
    };
    for (; m_sentActors < trace.actorCount(); ++m_sentActors) {
        const quint32 id = quint32(m_sentActors + 1);
        const ActorInfo a = trace.actor(id);
        encode(FrameType::Actor, [&](QDataStream &s) {
            s << id << a.name << a.nativeId << a.isMainThread << a.isDaemon;
        });
    }
    for (; m_sentObjects < trace.objectCount(); ++m_sentObjects) {
        const quint32 id = quint32(m_sentObjects + 1);
        const ObjectInfo o = trace.object(id);
        encode(FrameType::Object, [&](QDataStream &s) { s << id << o.name << quint8(o.kind); });
    }
    for (; m_sentStrings < trace.stringCount(); ++m_sentStrings) {
        const quint32 id = quint32(m_sentStrings + 1);
        encode(FrameType::String, [&](QDataStream &s) { s << id << trace.text(id); });
    }
    for (; m_sentSites < trace.siteCount(); ++m_sentSites) {
        const quint16 id = quint16(m_sentSites + 1);
        const SourceSite site = trace.site(id);
        encode(FrameType::Site, [&](QDataStream &s) { s << id << site.file << qint32(site.line); });
    }

    QHash<quint32, qsizetype> seen;
    QByteArray batch;
    for (const Event &e : trace.events()) {
        const qsizetype index = seen[e.actor]++;
        if (index < m_sentPerActor.value(e.actor))
            continue;
        // Same executable on both ends, so the struct's layout is the wire format.
        batch.append(reinterpret_cast<const char *>(&e), sizeof(Event));
    }
    m_sentPerActor = seen;
    if (!batch.isEmpty())
        out += frame(FrameType::Events, batch);
    return out;
}

void EventStreamWriter::start(int fd, std::chrono::milliseconds interval)
{
    m_fd = fd;
    m_thread = std::thread([this, interval] {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            m_wake.wait_for(lock, interval, [this] { return m_stopping; });
            if (!m_stopping)
                writeAll(encodePending());
        }
    });
}

void EventStreamWriter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    std::lock_guard lock(m_mutex);
    if (m_fd >= 0)
        writeAll(encodePending());
}

void EventStreamWriter::writeAll(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n > 0)
            done += n;
        else if (n < 0 && errno == EINTR)
            continue;
        else
            return; // the parent is gone; nobody is left to tell
    }
}

} // namespace weft
