// SPDX-License-Identifier: MIT
#include "channelregistry.h"

#include "core/recorder.h"

#include <QHash>
#include <mutex>

namespace weft {

namespace {
struct Entry
{
    quint32 object = 0;
    int lookups = 0;
};

struct RunChannels
{
    int users = 0;
    QHash<QString, Entry> channels;
};

std::mutex g_mutex;
QHash<const Recorder *, RunChannels> g_runs;
} // namespace

void ChannelRegistry::attach(Recorder &recorder)
{
    std::lock_guard lock(g_mutex);
    ++g_runs[&recorder].users;
}

void ChannelRegistry::detach(Recorder &recorder)
{
    std::lock_guard lock(g_mutex);
    auto it = g_runs.find(&recorder);
    if (it != g_runs.end() && --it->users <= 0)
        g_runs.erase(it);
}

quint32 ChannelRegistry::channel(Recorder &recorder, const QString &name)
{
    std::lock_guard lock(g_mutex);
    RunChannels &run = g_runs[&recorder];
    auto it = run.channels.find(name);
    if (it == run.channels.end())
        it = run.channels.insert(name, Entry {recorder.addObject(name, ObjectKind::Channel), 0});
    const quint32 object = it->object;
    // Both endpoints have it now: the next connection on these ports is a new channel.
    if (++it->lookups >= 2)
        run.channels.erase(it);
    return object;
}

} // namespace weft
