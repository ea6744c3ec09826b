// SPDX-License-Identifier: MIT
#include "tracestreamwriter.h"

#include "tracebuilder.h"
#include "tracefile.h"

#include <QIODevice>

namespace weft {

TraceStreamWriter::TraceStreamWriter(QIODevice *out)
    : m_out(out)
{
}

bool TraceStreamWriter::writeBlock(Block type, quint32 count)
{
    const QByteArray &payload = m_payload.bytes();
    tracebytes::Writer header;
    header.u32(quint32(type));
    header.u32(count);
    header.u32(quint32(payload.size()));
    header.u32(tracebytes::checksum(payload.constData(), payload.size()));
    // Header and payload in one write: a reader of a cut file sees a block
    // whose payload is short, never a payload without its header.
    QByteArray block = header.take();
    block.append(payload);
    m_payload.clear();
    if (m_out->write(block) != block.size()) {
        if (m_error.isEmpty())
            m_error = m_out->errorString();
        return false;
    }
    return true;
}

bool TraceStreamWriter::begin(const TraceMetadata &m)
{
    m_payload.raw(TraceFile::kMagic, sizeof TraceFile::kMagic);
    m_payload.u32(TraceFile::kVersion);
    const QByteArray header = m_payload.take();
    if (m_out->write(header) != header.size()) {
        m_error = m_out->errorString();
        return false;
    }
    return writeMetadata(m);
}

bool TraceStreamWriter::writeMetadata(const TraceMetadata &m)
{
    tracebytes::writeMetadata(m_payload, m);
    return writeBlock(Block::Metadata, 1);
}

bool TraceStreamWriter::writeTables(const TraceBuilder &t, bool everything)
{
    // Processes, lanes and objects: (id, entry), an id one past the last
    // written adds an entry, a smaller one replaces it (a rename).
    quint32 count = 0;
    for (quint32 id = 1; id <= t.processCount(); ++id) {
        const ProcessInfo &p = t.process(id);
        if (id <= m_processNames.size() && m_processNames[id - 1] == p.name)
            continue;
        if (id > m_processNames.size())
            m_processNames.push_back(p.name);
        else
            m_processNames[id - 1] = p.name;
        m_payload.u32(id);
        m_payload.i64(p.pid);
        m_payload.str(p.name);
        ++count;
    }
    if (count > 0 && !writeBlock(Block::Processes, count))
        return false;
    count = 0;
    for (quint32 id = 1; id <= t.actorCount(); ++id) {
        const ActorInfo &a = t.actor(id);
        if (id <= m_actorNames.size() && m_actorNames[id - 1] == a.name
            && m_actorDaemon[id - 1] == a.isDaemon && m_actorNativeIds[id - 1] == a.nativeId)
            continue;
        if (id > m_actorNames.size()) {
            m_actorNames.push_back(a.name);
            m_actorDaemon.push_back(a.isDaemon);
            m_actorNativeIds.push_back(a.nativeId);
        } else {
            m_actorNames[id - 1] = a.name;
            m_actorDaemon[id - 1] = a.isDaemon;
            m_actorNativeIds[id - 1] = a.nativeId;
        }
        m_payload.u32(id);
        m_payload.str(a.name);
        m_payload.i64(a.nativeId);
        m_payload.u32(a.process);
        m_payload.u8(quint8((a.isMainThread ? 1 : 0) | (a.isDaemon ? 2 : 0)));
        ++count;
    }
    if (count > 0 && !writeBlock(Block::Actors, count))
        return false;
    // Objects are renamed only once everything is known (channel directions):
    // only the last call looks at the old ones again.
    count = 0;
    for (quint32 id = everything ? 1 : quint32(m_objectNames.size()) + 1; id <= t.objectCount();
         ++id) {
        const ObjectInfo &o = t.object(id);
        if (id <= m_objectNames.size() && m_objectNames[id - 1] == o.name)
            continue;
        if (id > m_objectNames.size())
            m_objectNames.push_back(o.name);
        else
            m_objectNames[id - 1] = o.name;
        m_payload.u32(id);
        m_payload.str(o.name);
        m_payload.u8(quint8(o.kind));
        ++count;
    }
    if (count > 0 && !writeBlock(Block::Objects, count))
        return false;
    if (t.stringCount() > m_strings) {
        const quint32 first = m_strings + 1;
        for (quint32 id = first; id <= t.stringCount(); ++id)
            m_payload.str(t.text(id));
        m_strings = t.stringCount();
        if (!writeBlock(Block::Strings, m_strings - first + 1))
            return false;
    }
    if (t.siteCount() > m_sites) {
        const quint32 first = m_sites + 1;
        for (quint32 id = first; id <= t.siteCount(); ++id) {
            const SourceSite &s = t.site(id);
            m_payload.str(s.file);
            m_payload.u32(quint32(s.line));
        }
        m_sites = t.siteCount();
        if (!writeBlock(Block::Sites, m_sites - first + 1))
            return false;
    }
    return true;
}

bool TraceStreamWriter::append(const TraceBuilder &tables, const Event *events, std::size_t count)
{
    Q_ASSERT(!m_finished);
    if (!writeTables(tables, false))
        return false;
    for (std::size_t done = 0; done < count;) {
        const std::size_t n = std::min(kEventsPerBlock, count - done);
        for (std::size_t i = done; i < done + n; ++i)
            tracebytes::writeEvent(m_payload, events[i]);
        if (!writeBlock(Block::Events, quint32(n)))
            return false;
        done += n;
        m_events += n;
    }
    return true;
}

bool TraceStreamWriter::finish(const TraceBuilder &tables)
{
    Q_ASSERT(!m_finished);
    m_finished = true;
    if (!writeTables(tables, true))
        return false;
    // The final metadata replaces the first (the outcome is known now).
    if (!writeMetadata(tables.metadata()))
        return false;
    const Schedule &schedule = tables.schedule();
    m_payload.u8(schedule.leftStepMode() ? 1 : 0);
    for (const ScheduleStep &step : schedule.steps()) {
        m_payload.u32(step.actor);
        m_payload.u8(quint8(step.kind));
        m_payload.u16(step.site);
    }
    if (!writeBlock(Block::Schedule, quint32(schedule.size())))
        return false;
    // The end block says how many events there are: the reader checks it.
    return writeBlock(Block::End, quint32(m_events));
}

} // namespace weft
