// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace weft {

class Recorder;

// Gives both endpoints of a TCP connection the same Channel objects, so the
// timeline can pair the bytes one side sends with the bytes the other side
// receives (by cumulative offset per channel).
//
// A direction is named "127.0.0.1:40001→127.0.0.1:5000". The sender and the
// receiver each look the name up once; after both have, the entry is dropped,
// so a later connection that happens to reuse the port pair gets a fresh
// channel. Entries live as long as some traced socket of the run is alive
// (attach/detach), so a new run never sees ids of an old recorder.
class ChannelRegistry
{
public:
    static void attach(Recorder &recorder);
    static void detach(Recorder &recorder);
    static quint32 channel(Recorder &recorder, const QString &name);
};

} // namespace weft
