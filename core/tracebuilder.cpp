// SPDX-License-Identifier: MIT
#include "tracebuilder.h"

#include "nearlysortedsort.h"

#include <algorithm>

namespace weft {

TraceBuilder::TraceBuilder()
    : m_data(std::make_shared<Trace::Data>())
{
}

quint32 TraceBuilder::addProcess(const ProcessInfo &process)
{
    m_data->processes.push_back(process);
    return quint32(m_data->processes.size());
}

quint32 TraceBuilder::addActor(const ActorInfo &actor)
{
    m_data->actors.push_back(actor);
    return quint32(m_data->actors.size());
}

quint32 TraceBuilder::addObject(const ObjectInfo &object)
{
    m_data->objects.push_back(object);
    return quint32(m_data->objects.size());
}

void TraceBuilder::renameObject(quint32 id, const QString &name)
{
    if (id >= 1 && id <= m_data->objects.size())
        m_data->objects[id - 1].name = name;
}

quint32 TraceBuilder::intern(const QString &text)
{
    if (text.isEmpty())
        return 0;
    const auto it = m_stringIds.constFind(text);
    if (it != m_stringIds.constEnd())
        return it.value();
    const quint32 id = appendString(text);
    m_stringIds.insert(text, id);
    return id;
}

void TraceBuilder::copyTablesOf(const Trace &trace)
{
    for (int i = 1; i <= trace.processCount(); ++i)
        addProcess(trace.process(quint32(i)));
    for (int i = 1; i <= trace.actorCount(); ++i)
        addActor(trace.actor(quint32(i)));
    for (int i = 1; i <= trace.objectCount(); ++i)
        addObject(trace.object(quint32(i)));
    std::vector<QString> strings;
    strings.reserve(std::size_t(trace.stringCount()));
    for (int i = 1; i <= trace.stringCount(); ++i)
        strings.push_back(trace.text(quint32(i)));
    setStrings(std::move(strings));
    for (int i = 1; i <= trace.siteCount(); ++i)
        addSite(trace.site(quint16(i)));
}

quint32 TraceBuilder::appendString(const QString &text)
{
    m_data->strings.push_back(text);
    return quint32(m_data->strings.size());
}

quint16 TraceBuilder::addSite(const SourceSite &site)
{
    m_data->sites.push_back(site);
    return quint16(m_data->sites.size());
}

Trace TraceBuilder::build()
{
    auto &events = m_data->events;
    const auto earlier = [](const Event &a, const Event &b) {
        return a.timeNs < b.timeNs;
    };
    // Sources that deliver in order (an importer) or nearly so pay about one pass.
    stableSortNearlySorted(events.begin(), events.end(), earlier, events.size() / 4);
    return buildInTimeOrder();
}

Trace TraceBuilder::buildInTimeOrder()
{
    Trace trace(std::move(m_data));
    m_data = std::make_shared<Trace::Data>();
    m_stringIds.clear();
    return trace;
}

} // namespace weft
