// SPDX-License-Identifier: MIT
#include "tracestreamreader.h"

#include "eventblockdecoder.h"
#include "tracebuilder.h"
#include "tracebytes.h"
#include "tracefile.h"
#include "tracestreamwriter.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace weft {

namespace {
using tracebytes::Reader;
using tracebytes::Tr;
using Block = TraceStreamWriter::Block;

struct BlockSpan
{
    Block type;
    quint32 count;
    qsizetype payloadAt;
    qsizetype payloadBytes;
};

// Where the whole blocks are: everything up to the first block that is cut
// short (or whose checksum fails: its bytes were never all written).
struct Scan
{
    std::vector<BlockSpan> blocks;
    quint64 events = 0;
    bool ended = false; // the end block was read
    QString error;
};

// The whole blocks a walk over the headers finds, stopping where the scan
// would stop or fail: their checksums can be computed beforehand, on several
// threads, for the scan to take (as (payload, bytes)).
[[maybe_unused]] std::vector<std::pair<const char *, qsizetype>>
wholeBlocks(const QByteArray &bytes, qsizetype offset)
{
    std::vector<std::pair<const char *, qsizetype>> blocks;
    while (bytes.size() - offset >= TraceStreamWriter::kBlockHeaderBytes) {
        quint32 header[4];
        std::memcpy(header, bytes.constData() + offset, sizeof header);
        const quint32 type = header[0], size = header[2];
        const qsizetype payloadAt = offset + TraceStreamWriter::kBlockHeaderBytes;
        if (type < quint32(Block::Metadata) || type > quint32(Block::End)
            || qsizetype(size) > bytes.size() - payloadAt)
            break;
        blocks.emplace_back(bytes.constData() + payloadAt, qsizetype(size));
        offset = payloadAt + qsizetype(size);
        if (Block(type) == Block::End)
            break;
    }
    return blocks;
}

// sums: the checksums of the first blocks, in order (see wholeBlocks); a
// block past them is summed here. (A fuzzing build sums nothing.)
Scan scanBlocks(const QByteArray &bytes, qsizetype offset,
                [[maybe_unused]] const std::vector<quint32> &sums)
{
    Scan scan;
    [[maybe_unused]] std::size_t summed = 0; // blocks whose checksum was taken from sums
    while (offset < bytes.size()) {
        const qsizetype remaining = bytes.size() - offset;
        if (remaining < TraceStreamWriter::kBlockHeaderBytes)
            break; // cut inside a block header
        quint32 header[4];
        std::memcpy(header, bytes.constData() + offset, sizeof header);
        const quint32 type = header[0], count = header[1], size = header[2];
        if (type < quint32(Block::Metadata) || type > quint32(Block::End)) {
            scan.error = Tr::tr("at byte %1: unknown block type %2").arg(offset).arg(type);
            return scan;
        }
        const qsizetype payloadAt = offset + TraceStreamWriter::kBlockHeaderBytes;
        if (qsizetype(size) > bytes.size() - payloadAt)
            break; // cut inside the payload
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
        // (A fuzzer could not get past a checksum: its build reads every block.)
        const quint32 sum = summed < sums.size()
            ? sums[summed++]
            : tracebytes::checksum(bytes.constData() + payloadAt, qsizetype(size));
        if (sum != header[3])
            break; // never written whole
#endif
        // The one count that sizes memory before its block is parsed.
        if (Block(type) == Block::Events && qsizetype(count) * 32 != qsizetype(size)) {
            scan.error = Tr::tr("at byte %1: an events block of %2 events holds %3 bytes")
                             .arg(offset)
                             .arg(count)
                             .arg(size);
            return scan;
        }
        scan.blocks.push_back({Block(type), count, payloadAt, qsizetype(size)});
        offset = payloadAt + qsizetype(size);
        if (Block(type) == Block::Events)
            scan.events += count;
        if (Block(type) == Block::End) {
            scan.ended = true;
            if (offset != bytes.size())
                scan.error = Tr::tr("at byte %1: %2 unexpected bytes after the end block")
                                 .arg(offset)
                                 .arg(bytes.size() - offset);
            if (quint64(count) != scan.events)
                scan.error = Tr::tr("at byte %1: the end block counts %2 events, the file has %3")
                                 .arg(payloadAt - TraceStreamWriter::kBlockHeaderBytes)
                                 .arg(count)
                                 .arg(scan.events);
            return scan;
        }
    }
    return scan;
}

bool isValidKind(quint8 kind)
{
    return kind < quint8(EventKind::Count);
}

class BlockParser
{
public:
    BlockParser(TraceBuilder &b, quint64 totalEvents)
        : m_b(b)
        , m_maxEntries(totalEvents + kSpareEntries)
    {
    }

    // Reads one whole block's payload but an events block's (EventBlockDecoder
    // copies those); false (with r's error) if it is malformed.
    void parse(Reader &r, const BlockSpan &block);
    // The next events block, found unsound by the decoder: reads it again
    // event by event and fails r with what is wrong with the first bad one.
    // Otherwise takes its times into the span the events cover so far.
    void explainEvents(Reader &r, const EventBlockDecoder::Block &block);
    // The next events block, found sound: its times, for the span so far.
    void addSpan(qint64 minNs, qint64 maxNs, quint32 count);
    // Whether the span so far with this block's times is one Weft draws.
    bool spanFits(qint64 minNs, qint64 maxNs) const;

private:
    // An (id, entry) table: id one past the last adds, a smaller one replaces.
    bool checkId(Reader &r, quint32 id, quint32 have, quint64 max, const char *what);

    static constexpr quint64 kSpareEntries = 65536;
    TraceBuilder &m_b;
    const quint64 m_maxEntries; // objects or strings the events can refer to
    qint64 m_minNs = std::numeric_limits<qint64>::max();
    qint64 m_maxNs = std::numeric_limits<qint64>::min();
    quint64 m_eventIndex = 0;
};

bool BlockParser::checkId(Reader &r, quint32 id, quint32 have, quint64 max, const char *what)
{
    if (r.failed())
        return false;
    if (id == 0 || id > have + 1) {
        r.fail(Tr::tr("%1 id %2 does not exist and is not the next one (%3)")
                   .arg(QLatin1String(what))
                   .arg(id)
                   .arg(have + 1));
        return false;
    }
    if (id == have + 1 && quint64(id) > max) {
        r.fail(Tr::tr("the file lists more than %1 %2").arg(max).arg(QLatin1String(what)));
        return false;
    }
    return true;
}

void BlockParser::parse(Reader &r, const BlockSpan &block)
{
    const quint32 count = block.count;
    // Every entry takes at least this many bytes: a count the payload cannot
    // hold is refused before anything is allocated for it.
    const auto fits = [&](qsizetype minBytes, const char *what) {
        if (qsizetype(count) * minBytes > r.remaining()) {
            r.fail(
                Tr::tr("%1 count %2 is larger than its block").arg(QLatin1String(what)).arg(count));
            return false;
        }
        return true;
    };
    switch (block.type) {
    case Block::Metadata: {
        TraceMetadata m;
        tracebytes::readMetadata(r, m);
        if (!r.failed())
            m_b.metadata() = m;
        break;
    }
    case Block::Processes:
        if (!fits(16, "processes"))
            break;
        for (quint32 i = 0; i < count && !r.failed(); ++i) {
            const quint32 id = r.u32("process");
            ProcessInfo p;
            p.pid = r.i64("process");
            p.name = r.str("process");
            if (!checkId(r, id, m_b.processCount(), kMaxTraceActors, "processes"))
                break;
            if (id > m_b.processCount())
                m_b.addProcess(p);
            else
                m_b.process(id) = p;
        }
        break;
    case Block::Actors:
        if (!fits(21, "actors"))
            break;
        for (quint32 i = 0; i < count && !r.failed(); ++i) {
            const quint32 id = r.u32("actor");
            ActorInfo a;
            a.name = r.str("actor");
            a.nativeId = r.i64("actor");
            a.process = r.u32("actor");
            const quint8 flags = r.u8("actor");
            a.isMainThread = flags & 1;
            a.isDaemon = flags & 2;
            if (!checkId(r, id, m_b.actorCount(), kMaxTraceActors, "threads"))
                break;
            if (a.process > m_b.processCount()) {
                r.fail(Tr::tr("actor %1 refers to process %2, but there are only %3")
                           .arg(id)
                           .arg(a.process)
                           .arg(m_b.processCount()));
                break;
            }
            if (id > m_b.actorCount())
                m_b.addActor(a);
            else
                m_b.actor(id) = a;
        }
        break;
    case Block::Objects:
        if (!fits(9, "objects"))
            break;
        for (quint32 i = 0; i < count && !r.failed(); ++i) {
            const quint32 id = r.u32("object");
            ObjectInfo o;
            o.name = r.str("object");
            const quint8 kind = r.u8("object");
            if (!checkId(r, id, m_b.objectCount(), m_maxEntries, "objects"))
                break;
            if (kind > quint8(ObjectKind::Gil)) {
                r.fail(Tr::tr("object %1 has unknown kind %2").arg(id).arg(kind));
                break;
            }
            o.kind = ObjectKind(kind);
            if (id > m_b.objectCount())
                m_b.addObject(o);
            else
                m_b.object(id) = o;
        }
        break;
    case Block::Strings:
        if (!fits(4, "strings"))
            break;
        if (quint64(m_b.stringCount()) + count > m_maxEntries) {
            r.fail(Tr::tr("the file lists more than %1 %2")
                       .arg(m_maxEntries)
                       .arg(QLatin1String("strings")));
            break;
        }
        for (quint32 i = 0; i < count && !r.failed(); ++i)
            m_b.appendString(r.str("string"));
        break;
    case Block::Sites:
        if (!fits(8, "sites"))
            break;
        if (quint64(m_b.siteCount()) + count > 0xffff) {
            r.fail(Tr::tr("too many source sites (%1)").arg(quint64(m_b.siteCount()) + count));
            break;
        }
        for (quint32 i = 0; i < count && !r.failed(); ++i) {
            SourceSite s;
            s.file = r.str("site");
            s.line = int(r.u32("site"));
            if (!r.failed())
                m_b.addSite(s);
        }
        break;
    case Block::Events:
        r.seek(r.offset() + r.remaining()); // its size was checked by the scan
        break;
    case Block::Schedule: {
        Schedule schedule;
        const quint8 flags = r.u8("schedule");
        if (!r.failed() && flags > 1)
            r.fail(Tr::tr("unknown schedule flags %1").arg(flags));
        schedule.setLeftStepMode(flags & 1);
        if (!fits(7, "schedule steps"))
            break;
        for (quint32 i = 0; i < count && !r.failed(); ++i) {
            ScheduleStep step;
            step.actor = r.u32("schedule step");
            const quint8 kind = r.u8("schedule step");
            step.site = r.u16("schedule step");
            if (r.failed())
                break;
            if (!isValidKind(kind) || kind == quint8(EventKind::None))
                r.fail(Tr::tr("schedule step %1 has unknown kind %2").arg(i).arg(kind));
            else if (step.actor == 0 || step.actor > m_b.actorCount()
                     || step.site > m_b.siteCount())
                r.fail(Tr::tr("schedule step %1 refers to an actor or site that does not exist")
                           .arg(i));
            step.kind = EventKind(kind);
            schedule.append(step);
        }
        if (!r.failed())
            m_b.setSchedule(schedule);
        break;
    }
    case Block::End:
        break;
    }
    if (!r.failed() && r.remaining() != 0)
        r.fail(Tr::tr("%1 unexpected bytes at the end of a block").arg(r.remaining()));
}

void BlockParser::explainEvents(Reader &r, const EventBlockDecoder::Block &block)
{
    for (quint32 i = 0; i < block.count && !r.failed(); ++i, ++m_eventIndex) {
        const qsizetype at = r.offset();
        Event e;
        const quint8 kind = tracebytes::readEvent(r, e);
        if (r.failed())
            break;
        // The tables an event refers to come before it in the file.
        if (!isValidKind(kind)) {
            r.fail(Tr::tr("event %1 has unknown kind %2").arg(m_eventIndex).arg(kind));
            break;
        }
        if (e.actor > block.actors || e.object > block.objects || e.text > block.strings
            || e.site > block.sites) {
            r.fail(Tr::tr("event %1 refers to an actor, object, string or site that does not exist")
                       .arg(m_eventIndex));
            break;
        }
        // Blocks need not follow each other in time (a recording adds the
        // ends it only knows at the end); the reader sorts. Their span must fit.
        if (e.timeNs < m_minNs || e.timeNs > m_maxNs) {
            m_minNs = std::min(m_minNs, e.timeNs);
            m_maxNs = std::max(m_maxNs, e.timeNs);
            if (const QString bad = Trace::checkTimeBounds(m_minNs, m_maxNs); !bad.isEmpty()) {
                r.seek(at);
                r.fail(Tr::tr("event %1: %2").arg(m_eventIndex).arg(bad));
                break;
            }
        }
    }
}

bool BlockParser::spanFits(qint64 minNs, qint64 maxNs) const
{
    // Growing the span only makes it worse, so if the whole block's span
    // fits, every step of it did when the events are read one by one.
    return Trace::checkTimeBounds(std::min(m_minNs, minNs), std::max(m_maxNs, maxNs)).isEmpty();
}

void BlockParser::addSpan(qint64 minNs, qint64 maxNs, quint32 count)
{
    if (count == 0)
        return;
    m_minNs = std::min(m_minNs, minNs);
    m_maxNs = std::max(m_maxNs, maxNs);
    m_eventIndex += count;
}
} // namespace

std::optional<Trace> TraceStreamReader::read(const QByteArray &bytes, QString *error,
                                             QStringList *warnings, const TraceLoadOptions &options)
{
    auto failWith = [error](const QString &message) -> std::optional<Trace> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    constexpr qsizetype kHeaderBytes = sizeof TraceFile::kMagic + 4;
    EventBlockDecoder decoder(options.threads > 0 ? options.threads
                                                  : EventBlockDecoder::defaultThreads());
    decoder.setCancelFlag(options.cancel);
    std::vector<quint32> sums;
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
    // Summing every byte of the file is as much work as decoding its events.
    if (!decoder.checksums(wholeBlocks(bytes, kHeaderBytes), &sums))
        return failWith(Tr::tr("loading was cancelled"));
#endif
    const Scan scan = scanBlocks(bytes, kHeaderBytes, sums);
    if (!scan.error.isEmpty())
        return failWith(scan.error);

    // The tables, in file order, and where each events block's events go:
    // an event may refer to the tables as they stand when its block is read.
    TraceBuilder b;
    BlockParser parser(b, scan.events);
    std::vector<EventBlockDecoder::Block> eventBlocks;
    std::vector<qsizetype> eventBlocksAt; // their payloads' offsets, to explain a bad one
    std::size_t eventCount = 0;
    QString tableError; // stops the load after the events blocks before it
    for (const BlockSpan &block : scan.blocks) {
        if (block.type == Block::Events) {
            eventBlocks.push_back({bytes.constData() + block.payloadAt, block.count, eventCount,
                                   b.actorCount(), b.objectCount(), b.stringCount(),
                                   b.siteCount()});
            eventBlocksAt.push_back(block.payloadAt);
            eventCount += block.count;
            continue;
        }
        const QByteArray payload
            = QByteArray::fromRawData(bytes.constData() + block.payloadAt, block.payloadBytes);
        Reader r(payload, block.payloadAt);
        parser.parse(r, block);
        if (r.failed()) {
            tableError = r.error();
            break;
        }
    }

    std::vector<Event> events = decoder.allocate(eventCount);
    if (options.progress) {
        const qint64 total = bytes.size();
        decoder.setProgress([&options, total, eventCount](quint64 done) {
            // Nearly all of a large file is its events.
            options.progress(eventCount ? qint64(double(total) * double(done) / double(eventCount))
                                        : total,
                             total, qint64(done));
        });
    }
    if (tableError.isEmpty())
        decoder.countCounterTracks(b.objectCount());
    std::vector<EventBlockDecoder::Checked> checked;
    if (!decoder.run(eventBlocks, events.data(), &checked))
        return failWith(Tr::tr("loading was cancelled"));

    // The blocks in file order: the first that is unsound fails the load as
    // reading it event by event would; a table block's error comes after the
    // events before it.
    bool inTimeOrder = true;
    qint64 lastNs = std::numeric_limits<qint64>::min();
    for (std::size_t i = 0; i < eventBlocks.size(); ++i) {
        const EventBlockDecoder::Block &block = eventBlocks[i];
        const EventBlockDecoder::Checked &c = checked[i];
        if (block.count == 0)
            continue;
        if (!c.valid || !parser.spanFits(c.minNs, c.maxNs)) {
            const QByteArray payload
                = QByteArray::fromRawData(block.payload, qsizetype(block.count) * 32);
            Reader r(payload, eventBlocksAt[i]);
            parser.explainEvents(r, block);
            if (r.failed())
                return failWith(r.error());
            // (Not reached: the decoder and the reader check the same things.)
        } else {
            parser.addSpan(c.minNs, c.maxNs, block.count);
        }
        // A block in order, starting no earlier than the last one ended.
        inTimeOrder = inTimeOrder && c.inTimeOrder && c.minNs >= lastNs;
        lastNs = c.maxNs;
    }
    if (!tableError.isEmpty())
        return failWith(tableError);
    // As in versions 1 and 2: the counter tracks a trace may have.
    const quint32 counters = decoder.counterTracks();
    if (counters > kMaxTraceCounters)
        return failWith(Tr::tr("the trace has %1 counter tracks; Weft opens traces of at most %2")
                            .arg(counters)
                            .arg(kMaxTraceCounters));
    if (!scan.ended && warnings)
        warnings->append(
            Tr::tr("the recording was cut short after %Ln event(s); the rest was lost", nullptr,
                   int(std::min<quint64>(scan.events, std::numeric_limits<int>::max()))));
    b.setEvents(std::move(events));
    // Sorted stably by time (build() does it) only when the blocks were not already.
    return inTimeOrder ? b.buildInTimeOrder() : b.build();
}

} // namespace weft
