// SPDX-License-Identifier: MIT
#include "recordingdecoder.h"

#include "core/interchange/untrustedtext.h"
#include "core/sync/gil.h"
#include "core/tracebuilder.h"
#include "pythonsync.h"
#include "recordedwaits.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <sys/wait.h>

namespace weft::record {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::record::RecordingDecoder)
};

// Packet previews: interning every one of millions of sends would grow the
// string table without bound; the first ones are what a reader looks at.
constexpr int kMaxPreviews = 20000;
constexpr int kPreviewChars = 48;

// Text the recorded program wrote (names, addresses, previews): cut, then shown
// with its control characters escaped, as any untrusted text is.
QString cleanText(const QByteArray &bytes, int maxChars)
{
    return terminalSafe(boundedText(QString::fromUtf8(bytes.left(maxChars * 4)), maxChars));
}

QString printText(const QByteArray &bytes)
{
    QByteArray line = bytes;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    QString text = QString::fromUtf8(line);
    QString out;
    for (const QChar c : text)
        out += (c.category() == QChar::Other_Control && c != u'\n' && c != u'\t') ? QChar(0xFFFD)
                                                                                  : c;
    return out;
}

const char *lockWord(std::int64_t type)
{
    switch (LockType(type)) {
    case LockType::RwLock:
        return "rwlock";
    case LockType::Semaphore:
        return "sem";
    case LockType::Spin:
        return "spinlock";
    case LockType::Mutex:
        break;
    }
    return "mutex";
}

// The order to read the records in: by time, each thread's records staying
// in its own order. The reader delivers each thread's records as one sorted run
// (chunk after chunk), so this merges the runs instead of sorting them: memory
// for one index per record, not a second copy of the records.
std::vector<quint32> timeOrder(const std::vector<RawEvent> &events)
{
    struct Run
    {
        std::size_t next, end;
    };
    std::vector<Run> runs;
    for (std::size_t i = 0; i < events.size();) {
        std::size_t j = i + 1;
        while (j < events.size() && events[j].pid == events[i].pid
               && events[j].record.tid == events[i].record.tid
               && events[j].record.timeNs >= events[j - 1].record.timeNs)
            ++j;
        runs.push_back({i, j});
        i = j;
    }
    // Later runs lose ties, as a stable sort of the whole list would have it.
    const auto later = [&](std::size_t a, std::size_t b) {
        const qint64 ta = events[runs[a].next].record.timeNs,
                     tb = events[runs[b].next].record.timeNs;
        return ta != tb ? ta > tb : a > b;
    };
    std::vector<std::size_t> heap(runs.size());
    for (std::size_t r = 0; r < runs.size(); ++r)
        heap[r] = r;
    std::make_heap(heap.begin(), heap.end(), later);
    std::vector<quint32> order;
    order.reserve(events.size());
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        Run &run = runs[heap.back()];
        order.push_back(quint32(run.next++));
        if (run.next < run.end)
            std::push_heap(heap.begin(), heap.end(), later);
        else
            heap.pop_back();
    }
    return order;
}

class Decoding
{
public:
    Decoding(const ProgramEnd &end, QStringList &warnings)
        : m_end(end)
        , m_warnings(warnings)
    {
    }

    Trace run(std::vector<RawEvent> &events);

    // The steps of run(), for a decoder fed as the program runs
    // (RecordingDecoder's streaming half): prepare() each record in time order
    // ahead of handleRecord(), which takes them in the same order.
    void prepare(const RawEvent &raw);
    void handleRecord(const RawEvent &raw);
    // Events added from here on are no earlier than this (a line of output
    // not yet ended is shown at its first piece's time); max if none is held.
    qint64 heldBackNs() const;
    // The title and command, known from the start.
    void describeRun();
    // The ends only known at the end (processes' exits, a standing deadlock), the outcome.
    void finish(const ProgramEnd &end);
    TraceBuilder &builder() { return m_builder; }

private:
    struct Process
    {
        quint32 id = 0;
        quint32 mainActor = 0;
        bool started = false;
        qint64 lastNs = 0;
        int threadCount = 0;
        // How it ended, from its own exit() or its parent's wait: emitted once
        // at the end, after the process's last record (atexit handlers run
        // after exit() is called, and a signalled process says nothing itself).
        std::optional<qint64> exitCode;
        qint64 exitNs = 0;
        bool abnormal = false;
        QString exitText;
    };
    struct ThreadKey
    {
        qint32 pid;
        std::uint64_t handle;
    };

    Process &process(qint32 pid, qint64 timeNs);
    quint32 actor(qint32 pid, qint32 tid, qint64 timeNs, bool startsThread = false);
    quint32 lockObject(qint32 pid, std::uint64_t address, std::int64_t type);
    quint32 namedObject(const QString &key, const QString &name, ObjectKind kind);
    // "cond 3": numbered per word in order of first appearance.
    quint32 numberedObject(const char *word, qint32 pid, std::uint64_t address, ObjectKind kind);
    quint32 channelOf(qint32 pid, std::uint64_t fd);
    // A message's or packet's text, interned while fewer than kMaxPreviews
    // have been (a preview pairs a send with its receive); else 0.
    quint32 previewOf(const QByteArray &text);
    void addEvent(const RawEvent &raw, quint32 actor, EventKind kind, qint64 value = 0,
                  quint32 object = 0, quint32 text = 0, quint8 flags = NoFlags);
    void handle(const RawEvent &raw);
    void handleThreads(const RawEvent &raw, quint32 lane);
    void handleProcesses(const RawEvent &raw, quint32 lane);
    void handleIo(const RawEvent &raw, quint32 lane);
    void handlePython(const RawEvent &raw, quint32 lane);
    // The probe's records about threading objects (PyObject .. PyWrite).
    void handlePythonSync(const RawEvent &raw, quint32 lane);
    // The probe's records of multiprocessing messages (PyChannel .. PyChannelGet).
    void handlePythonChannel(const RawEvent &raw, quint32 lane);
    // The trace object of one direction of a multiprocessing channel, 0 if unknown.
    quint32 channelDirection(std::uint64_t from, std::uint64_t to);
    void nameChannelDirections();
    // A semaphore record of a process the probe runs in: true if it was a
    // Python object's doing and has been shown as that (or hidden).
    bool handlePythonLock(const RawEvent &raw, quint32 lane);
    PythonSync::Object &pythonObject(qint32 pid, std::uint64_t key, PyKind kind);
    quint32 traceObjectOf(PythonSync::Object &o);
    void showPythonWait(const RawEvent &raw, quint32 lane, std::uint64_t cond,
                        PythonSync::Role role);
    void addPrintPiece(const RawEvent &raw, quint32 lane, const QByteArray &text, qint64 bytes);
    // True for the GIL's own mutex and cond records (shown as the GIL band instead).
    bool isGilRecord(const RawEvent &raw) const;
    quint32 gilObject(qint32 pid);
    quint16 siteId(const QString &file, int line);
    void finishProcesses(qint64 endNs);
    void describeOutcome(qint64 endNs);

    ProgramEnd m_end;
    QStringList &m_warnings;
    TraceBuilder m_builder;
    RecordedWaits m_waits;
    std::map<qint32, Process> m_processes;
    QHash<qint64, quint32> m_actorOfTid; // (pid, tid) -> its current lane
    static qint64 laneKey(qint32 pid, qint32 tid) { return (qint64(pid) << 32) | quint32(tid); }
    QHash<quint32, bool> m_actorEnded;
    std::map<std::pair<qint32, std::uint64_t>, std::deque<qint32>> m_unclaimedThreads;
    std::map<std::pair<qint32, std::uint64_t>, qint32> m_threadOfHandle; // pthread_t -> tid
    std::map<std::pair<qint32, std::uint64_t>, quint32> m_locks;
    QHash<QString, quint32> m_objects;
    QHash<quint32, QString> m_objectNames;
    std::map<std::pair<qint32, std::uint64_t>, quint32> m_channelOfFd;
    // multiprocessing channels: the ends (by inode) the probe declared, their
    // names, and the other end of each.
    struct ChannelEnd
    {
        std::uint64_t peer = 0;
        QString name;
    };
    std::map<std::uint64_t, ChannelEnd> m_channelEnds;
    struct ChannelDirection
    {
        quint32 object;
        std::uint64_t from, to;
    };
    std::vector<ChannelDirection> m_channelDirections;
    QHash<quint32, int> m_typeCount; // per object kind, for "mutex 3"
    std::map<qint32, int> m_threadNumber;
    int m_previews = 0;
    // Python: sites by (pid, code object), the current site per thread, the GIL per process.
    std::map<std::pair<qint32, std::uint64_t>, QString> m_codePath;
    QHash<QString, quint16> m_siteIds; // "line:file" -> site id
    QHash<qint32, quint16> m_siteOfTid;
    struct PendingPrint
    {
        RawEvent first;
        quint16 site = 0; // the line of its first piece
        QByteArray text;
        qint64 bytes = 0;
    };
    std::map<quint32, PendingPrint> m_pendingPrints; // per lane: a line not yet ended
    // Bytes the probe saw written to sys.stdout/stderr, per (pid, fd), that the
    // fd's own Print records have not yet accounted for (shown once, by the writer).
    std::map<std::pair<qint32, std::uint64_t>, qint64> m_printCredit;
    PythonSync m_python;
    QSet<quint32> m_pythonLocks; // trace objects that are Python Locks and RLocks
    QSet<quint32> m_semaphoreWaits; // lanes inside a Semaphore.acquire that had to wait
    void flushPrint(quint32 lane);
    bool m_sitesFull = false;
    struct Gil
    {
        std::uint64_t cond = 0, mutex = 0;
        quint32 object = 0;
        quint32 holder = 0;
        qint64 holds = 0;
        qint64 switches = 0;
        qint64 foundNs = 0;
        QHash<quint32, qint64> switchesAtWait; // lane -> switches when its wait began
    };
    std::map<qint32, Gil> m_gils;
    qint64 m_lockWaits = 0, m_packets = 0, m_bytes = 0;
    quint64 m_dropped = 0;
    qint64 m_lastNs = 0;
};

Decoding::Process &Decoding::process(qint32 pid, qint64 timeNs)
{
    Process &p = m_processes[pid];
    if (p.id == 0) {
        p.id = m_builder.addProcess({pid, Tr::tr("process %1").arg(pid)});
        ActorInfo main;
        main.name = Tr::tr("main");
        main.nativeId = pid;
        main.process = p.id;
        main.isMainThread = true;
        p.mainActor = m_builder.addActor(main);
        m_actorOfTid.insert(laneKey(pid, pid), p.mainActor);
        p.lastNs = timeNs;
    }
    return p;
}

quint32 Decoding::actor(qint32 pid, qint32 tid, qint64 timeNs, bool startsThread)
{
    Process &p = process(pid, timeNs);
    p.lastNs = std::max(p.lastNs, timeNs);
    if (tid == pid)
        return p.mainActor;
    // A tid is reused only after its thread ended: a new thread's first record
    // (not a join naming the old one) then starts a new lane.
    const auto it = m_actorOfTid.constFind(laneKey(pid, tid));
    if (it != m_actorOfTid.constEnd() && !(startsThread && m_actorEnded.value(it.value())))
        return it.value();
    ActorInfo info;
    info.name = Tr::tr("thread %1").arg(++m_threadNumber[pid]);
    info.nativeId = tid;
    info.process = p.id;
    const quint32 id = m_builder.addActor(info);
    ++p.threadCount;
    m_actorOfTid.insert(laneKey(pid, tid), id);
    return id;
}

quint32 Decoding::namedObject(const QString &key, const QString &name, ObjectKind kind)
{
    const auto it = m_objects.constFind(key);
    if (it != m_objects.constEnd())
        return it.value();
    const quint32 id = m_builder.addObject({name, kind});
    m_objects.insert(key, id);
    m_objectNames.insert(id, name);
    return id;
}

quint32 Decoding::numberedObject(const char *word, qint32 pid, std::uint64_t address,
                                 ObjectKind kind)
{
    const QString key = QStringLiteral("%1:%2:%3").arg(QLatin1String(word)).arg(pid).arg(address);
    const auto it = m_objects.constFind(key);
    if (it != m_objects.constEnd())
        return it.value();
    const int number = ++m_typeCount[qHash(QLatin1String(word))];
    return namedObject(key, QStringLiteral("%1 %2").arg(QLatin1String(word)).arg(number), kind);
}

quint32 Decoding::lockObject(qint32 pid, std::uint64_t address, std::int64_t type)
{
    const auto key = std::make_pair(pid, address);
    const auto it = m_locks.find(key);
    if (it != m_locks.end())
        return it->second;
    if (PythonSync::Object *o = m_python.find(pid, address);
        o && o->owner == 0 && (o->kind == PyKind::Lock || o->kind == PyKind::RLock)) {
        const quint32 id = traceObjectOf(*o);
        m_locks.emplace(key, id);
        return id;
    }
    const quint32 id = numberedObject(lockWord(type), pid, address, ObjectKind::Lock);
    m_locks.emplace(key, id);
    m_waits.nameObject(id, m_objectNames.value(id));
    return id;
}

quint32 Decoding::previewOf(const QByteArray &text)
{
    if (m_previews >= kMaxPreviews || text.isEmpty())
        return 0;
    ++m_previews;
    return m_builder.intern(cleanText(text, kPreviewChars));
}

quint32 Decoding::channelOf(qint32 pid, std::uint64_t fd)
{
    const auto it = m_channelOfFd.find({pid, fd});
    if (it != m_channelOfFd.end())
        return it->second;
    // No FdInfo (the library saw the fd before recording began): a channel of its own.
    return m_channelOfFd[{pid, fd}]
        = namedObject(QStringLiteral("fd:%1:%2").arg(pid).arg(fd),
                      Tr::tr("fd %1 of %2").arg(fd).arg(pid), ObjectKind::Channel);
}

void Decoding::flushPrint(quint32 lane)
{
    const auto it = m_pendingPrints.find(lane);
    if (it == m_pendingPrints.end())
        return;
    const PendingPrint pending = std::move(it->second);
    m_pendingPrints.erase(it);
    if (pending.text.isEmpty())
        return;
    Event e;
    e.timeNs = pending.first.record.timeNs;
    e.kind = EventKind::Print;
    e.actor = lane;
    e.value = pending.bytes;
    e.text = m_builder.intern(printText(pending.text));
    e.flags = Imported;
    e.site = pending.site;
    m_builder.addEvent(e);
}

void Decoding::addPrintPiece(const RawEvent &raw, quint32 lane, const QByteArray &text,
                             qint64 bytes)
{
    // One print() can be several writes ("counter =", " ", "12", "\n"): a
    // line is one Print, at the time its first piece was written.
    PendingPrint &pending = m_pendingPrints[lane];
    if (pending.text.isEmpty()) {
        pending.first = raw;
        pending.site = m_siteOfTid.value(raw.record.tid);
    }
    pending.text += text;
    pending.bytes += bytes;
    if (pending.text.endsWith('\n') || pending.text.size() >= kMaxTextBytes)
        flushPrint(lane);
}

void Decoding::addEvent(const RawEvent &raw, quint32 lane, EventKind kind, qint64 value,
                        quint32 object, quint32 text, quint8 flags)
{
    Event e;
    e.timeNs = raw.record.timeNs;
    e.kind = kind;
    e.actor = lane;
    e.value = value;
    e.object = object;
    e.text = text;
    e.flags = flags | Imported;
    e.site = m_siteOfTid.value(raw.record.tid);
    m_builder.addEvent(e);
}

void Decoding::handleThreads(const RawEvent &raw, quint32 lane)
{
    const RawRecord &r = raw.record;
    const auto handleKey = std::make_pair(raw.pid, r.object);
    switch (RawKind(r.kind)) {
    case RawKind::ThreadBegin:
        m_siteOfTid.remove(r.tid); // a reused tid starts without a site
        m_threadOfHandle[handleKey] = r.tid;
        addEvent(raw, lane, EventKind::ThreadStart, r.tid);
        break;
    case RawKind::ThreadEnd:
        addEvent(raw, lane, EventKind::ThreadEnd);
        m_actorEnded.insert(lane, true);
        m_waits.threadEnded(lane);
        break;
    case RawKind::ThreadCreate: {
        auto &queue = m_unclaimedThreads[handleKey];
        if (!queue.empty()) {
            const qint32 child = queue.front();
            queue.pop_front();
            // The creator may name or join the handle before the thread's first record.
            m_threadOfHandle[handleKey] = child;
            addEvent(raw, lane, EventKind::ThreadSpawn, actor(raw.pid, child, r.timeNs));
        }
        break;
    }
    case RawKind::ThreadName: {
        const auto target = m_threadOfHandle.find(handleKey);
        const qint32 tid = target != m_threadOfHandle.end() ? target->second : r.tid;
        const quint32 named = actor(raw.pid, tid, r.timeNs);
        const QString name = cleanText(raw.text, 64);
        if (!name.isEmpty())
            m_builder.actor(named).name = name;
        break;
    }
    case RawKind::JoinBegin: {
        const auto target = m_threadOfHandle.find(handleKey);
        const quint32 joined
            = target != m_threadOfHandle.end() ? actor(raw.pid, target->second, r.timeNs) : 0;
        addEvent(raw, lane, EventKind::JoinWait, joined);
        if (joined)
            m_waits.beginWait(lane, WaitTarget::thread(joined), r.timeNs);
        break;
    }
    case RawKind::JoinEnd: {
        const auto target = m_threadOfHandle.find(handleKey);
        const quint32 joined
            = target != m_threadOfHandle.end() ? actor(raw.pid, target->second, r.timeNs) : 0;
        addEvent(raw, lane, EventKind::JoinDone, joined);
        m_waits.endWait(lane);
        break;
    }
    case RawKind::LockWait: {
        const quint32 lock = lockObject(raw.pid, r.object, r.value2);
        addEvent(raw, lane, EventKind::LockWait, 0, lock);
        // A semaphore waited on by the thread that took it last is a signal
        // (CPython's Event and join: another thread posts it), not a self-deadlock.
        const bool signal = LockType(r.value2) == LockType::Semaphore
            && m_waits.holder(WaitTarget::object(lock)) == lane && !m_pythonLocks.contains(lock);
        if (!signal)
            m_waits.beginWait(lane, WaitTarget::object(lock), r.timeNs);
        ++m_lockWaits;
        break;
    }
    case RawKind::LockAcquired: {
        const quint32 lock = lockObject(raw.pid, r.object, r.value2);
        addEvent(raw, lane, EventKind::LockAcquired, r.value, lock);
        m_waits.endWait(lane);
        m_waits.setHolder(WaitTarget::object(lock), lane);
        break;
    }
    case RawKind::LockReleased: {
        const quint32 lock = lockObject(raw.pid, r.object, r.value2);
        addEvent(raw, lane, EventKind::LockReleased, 0, lock);
        // Anyone may post a semaphore; a mutex is released by its owner only.
        if (LockType(r.value2) == LockType::Semaphore)
            m_waits.clearHolder(WaitTarget::object(lock), m_waits.holder(WaitTarget::object(lock)));
        else
            m_waits.clearHolder(WaitTarget::object(lock), lane);
        break;
    }
    case RawKind::LockFailed: {
        const quint32 lock = lockObject(raw.pid, r.object, r.value2);
        // The wait ends without the lock: back to running, and said so.
        addEvent(raw, lane, EventKind::IoWaitEnd, r.value, lock);
        addEvent(raw, lane, EventKind::Mark, r.value, lock,
                 m_builder.intern(Tr::tr("gave up waiting for %1").arg(m_waits.objectName(lock))));
        m_waits.endWait(lane);
        break;
    }
    case RawKind::LockDestroyed:
        // Its address may be another lock's from here on.
        m_locks.erase({raw.pid, r.object});
        m_python.forget(raw.pid, r.object);
        break;
    case RawKind::CondWait:
        addEvent(raw, lane, EventKind::CondWait, 0,
                 numberedObject("cond", raw.pid, r.object, ObjectKind::Condition));
        break;
    case RawKind::CondWake:
    case RawKind::CondSignal:
    case RawKind::CondBroadcast: {
        const quint32 cond = numberedObject("cond", raw.pid, r.object, ObjectKind::Condition);
        if (RawKind(r.kind) == RawKind::CondWake)
            addEvent(raw, lane, EventKind::CondWake, r.value2, cond);
        else
            addEvent(raw, lane, EventKind::CondNotify,
                     RawKind(r.kind) == RawKind::CondSignal ? 1 : -1, cond);
        break;
    }
    case RawKind::BarrierWaitBegin:
    case RawKind::BarrierWaitEnd: {
        const quint32 barrier = numberedObject("barrier", raw.pid, r.object, ObjectKind::Other);
        addEvent(raw, lane,
                 RawKind(r.kind) == RawKind::BarrierWaitBegin ? EventKind::IoWaitBegin
                                                              : EventKind::IoWaitEnd,
                 0, barrier, m_builder.intern(Tr::tr("barrier")));
        break;
    }
    case RawKind::SleepBegin:
        addEvent(raw, lane, EventKind::SleepBegin, r.value);
        break;
    case RawKind::SleepEnd:
        addEvent(raw, lane, EventKind::SleepEnd);
        break;
    default:
        break;
    }
}

void Decoding::handleProcesses(const RawEvent &raw, quint32 lane)
{
    const RawRecord &r = raw.record;
    Process &p = process(raw.pid, r.timeNs);
    switch (RawKind(r.kind)) {
    case RawKind::ProcessBegin: {
        const QString argv = cleanText(raw.text, 200);
        const QString program = QFileInfo(argv.section(u' ', 0, 0)).fileName();
        if (!program.isEmpty())
            m_builder.process(p.id).name = program;
        if (!p.started) {
            p.started = true;
            addEvent(raw, p.mainActor, EventKind::ProcessStart, raw.pid);
        }
        break;
    }
    case RawKind::ProcessExit:
        // value2 = 1: the library saw the end but not the code (the last thread
        // called pthread_exit); the launcher or a parent's wait knows it.
        if (!p.exitCode && r.value2 != 1)
            p.exitCode = r.value;
        p.exitNs = std::max<qint64>(p.exitNs, r.timeNs);
        m_waits.threadEnded(p.mainActor);
        break;
    case RawKind::Fork:
    case RawKind::Spawn:
        if (r.value > 0) {
            const quint32 child = process(qint32(r.value), r.timeNs).mainActor;
            addEvent(raw, lane, EventKind::ThreadSpawn, child);
            if (RawKind(r.kind) == RawKind::Fork)
                m_python.inherit(raw.pid, qint32(r.value));
        }
        break;
    case RawKind::Exec:
        addEvent(raw, lane, EventKind::Mark, 0, 0,
                 m_builder.intern(Tr::tr("exec %1").arg(cleanText(raw.text, 120))));
        break;
    case RawKind::ExecFailed:
        addEvent(
            raw, lane, EventKind::Error, r.value, 0,
            m_builder.intern(
                Tr::tr("exec failed: %1").arg(QString::fromLocal8Bit(std::strerror(int(r.value))))),
            Abnormal);
        break;
    case RawKind::WaitBegin: {
        const quint32 child = r.value > 0 ? process(qint32(r.value), r.timeNs).mainActor : 0;
        addEvent(raw, lane, EventKind::JoinWait, child);
        if (child)
            m_waits.beginWait(lane, WaitTarget::thread(child), r.timeNs);
        break;
    }
    case RawKind::WaitEnd: {
        const quint32 child = r.value > 0 ? process(qint32(r.value), r.timeNs).mainActor : 0;
        if (child) {
            Process &reaped = m_processes[qint32(r.value)];
            const int status = int(r.value2);
            if (!WIFEXITED(status) && !WIFSIGNALED(status)) {
                // Stopped or continued (WUNTRACED, WCONTINUED): it has not ended.
                addEvent(raw, lane, EventKind::JoinDone, child);
                m_waits.endWait(lane);
                break;
            }
            if (WIFSIGNALED(status)) {
                // Killed or crashed: it could not say so itself; its parent saw it.
                reaped.exitCode = 128 + WTERMSIG(status);
                reaped.abnormal = true;
                reaped.exitText
                    = describeWaitStatus(int(ProgramEnd::How::Signalled), WTERMSIG(status));
            } else if (!reaped.exitCode) {
                reaped.exitCode = WEXITSTATUS(status);
            }
            if (reaped.exitNs == 0)
                reaped.exitNs
                    = std::min<qint64>(r.timeNs, std::max<qint64>(reaped.lastNs, r.timeNs - 1));
            m_waits.threadEnded(child);
        }
        addEvent(raw, lane, EventKind::JoinDone, child);
        m_waits.endWait(lane);
        break;
    }
    default:
        break;
    }
}

void Decoding::handleIo(const RawEvent &raw, quint32 lane)
{
    const RawRecord &r = raw.record;
    const auto fdKey = std::make_pair(raw.pid, r.object);
    switch (RawKind(r.kind)) {
    case RawKind::FdInfo: {
        const FdType type = FdType(r.value);
        QString key, name;
        if (type == FdType::Pipe) {
            key = QStringLiteral("pipe:%1").arg(r.value2);
            name = Tr::tr("pipe %1").arg(r.value2);
        } else if (type == FdType::Tcp || type == FdType::Udp) {
            const QString text = cleanText(raw.text, 120);
            QStringList ends = text.split(u'|');
            if (ends.size() == 2 && !ends[1].isEmpty()) {
                std::sort(ends.begin(), ends.end());
                key = QStringLiteral("tcp:") + ends.join(u'|');
                name = ends[0] + QStringLiteral(" \u2194 ") + ends[1];
            }
        }
        if (key.isEmpty()) {
            key = QStringLiteral("fd:%1:%2:%3").arg(raw.pid).arg(r.object).arg(r.timeNs);
            name = Tr::tr("fd %1 of %2").arg(r.object).arg(raw.pid);
        }
        m_channelOfFd[fdKey] = namedObject(key, name, ObjectKind::Channel);
        break;
    }
    case RawKind::Close:
        m_channelOfFd.erase(fdKey);
        addEvent(raw, lane, EventKind::SocketOp, 0, 0,
                 m_builder.intern(Tr::tr("close fd %1").arg(r.object)));
        break;
    case RawKind::Send:
    case RawKind::Recv: {
        if (r.value <= 0)
            break;
        const quint32 channel = channelOf(raw.pid, r.object);
        const quint32 preview = previewOf(raw.text);
        addEvent(raw, lane,
                 RawKind(r.kind) == RawKind::Send ? EventKind::PacketSend : EventKind::PacketRecv,
                 r.value, channel, preview);
        ++m_packets;
        if (RawKind(r.kind) == RawKind::Send)
            m_bytes += r.value;
        break;
    }
    case RawKind::Print: {
        QByteArray text = raw.text;
        qint64 bytes = r.value;
        // What the probe already showed on the thread that wrote it (a pipe's
        // buffer reaches the fd later, from whichever thread flushes it).
        if (const auto credit = m_printCredit.find(fdKey);
            credit != m_printCredit.end() && credit->second > 0) {
            const qint64 covered = std::min(credit->second, bytes);
            credit->second -= covered;
            bytes -= covered;
            text = text.size() > covered ? text.mid(int(covered)) : QByteArray();
            if (bytes <= 0 || text.isEmpty())
                break;
        }
        addPrintPiece(raw, lane, text, bytes);
        break;
    }
    case RawKind::SocketCreate:
        addEvent(raw, lane, EventKind::SocketOp, qint64(r.object), 0,
                 m_builder.intern(Tr::tr("socket → fd %1").arg(r.object)));
        break;
    case RawKind::Bind:
        addEvent(raw, lane, EventKind::SocketOp, 0, 0,
                 m_builder.intern(Tr::tr("bind %1").arg(cleanText(raw.text, 80))));
        break;
    case RawKind::Listen:
        addEvent(raw, lane, EventKind::SocketOp, r.value, 0,
                 m_builder.intern(Tr::tr("listen(%1)").arg(r.value)));
        break;
    case RawKind::AcceptBegin:
        addEvent(raw, lane, EventKind::IoWaitBegin, 0, 0, m_builder.intern(Tr::tr("accept")));
        break;
    case RawKind::AcceptEnd:
        addEvent(raw, lane, EventKind::IoWaitEnd, r.value);
        if (r.value >= 0)
            addEvent(raw, lane, EventKind::SocketOp, r.value, 0,
                     m_builder.intern(Tr::tr("accept → fd %1").arg(r.value)));
        break;
    case RawKind::ConnectBegin:
        addEvent(raw, lane, EventKind::IoWaitBegin, 0, 0,
                 m_builder.intern(Tr::tr("connect %1").arg(cleanText(raw.text, 80))));
        break;
    case RawKind::ConnectEnd:
        addEvent(raw, lane, EventKind::IoWaitEnd, r.value);
        if (r.value == -EINPROGRESS) {
            // A non-blocking socket (Python's settimeout() makes one): the
            // connection goes on, and the poll that follows waits for it.
            addEvent(raw, lane, EventKind::SocketOp, r.value, 0,
                     m_builder.intern(Tr::tr("connecting (the answer comes later)")));
            break;
        }
        addEvent(raw, lane, r.value == 0 ? EventKind::SocketOp : EventKind::Error, r.value, 0,
                 m_builder.intern(
                     r.value == 0 ? Tr::tr("connected")
                                  : Tr::tr("connect failed: %1")
                                        .arg(QString::fromLocal8Bit(std::strerror(int(-r.value))))),
                 r.value == 0 ? NoFlags : Abnormal);
        break;
    case RawKind::Shutdown:
        addEvent(raw, lane, EventKind::SocketOp, r.value, 0, m_builder.intern(Tr::tr("shutdown")));
        break;
    case RawKind::IoWaitBegin: {
        static const char *const words[] = {"", "poll", "select", "epoll_wait", "read", "write"};
        const int kind = int(r.value) >= 1 && int(r.value) <= 5 ? int(r.value) : 0;
        addEvent(raw, lane, EventKind::IoWaitBegin, 0, 0,
                 m_builder.intern(QString::fromLatin1(words[kind])));
        break;
    }
    case RawKind::IoWaitEnd:
        addEvent(raw, lane, EventKind::IoWaitEnd, r.value);
        break;
    default:
        break;
    }
}

quint16 Decoding::siteId(const QString &file, int line)
{
    const QString key = QString::number(line) + u':' + file;
    const auto it = m_siteIds.constFind(key);
    if (it != m_siteIds.constEnd())
        return it.value();
    if (m_siteIds.size() >= 65535) {
        if (!m_sitesFull)
            m_warnings.append(
                Tr::tr("More than 65535 distinct source lines: later lines are not shown."));
        m_sitesFull = true;
        return 0;
    }
    const quint16 id = m_builder.addSite({file, line});
    m_siteIds.insert(key, id);
    return id;
}

quint32 Decoding::gilObject(qint32 pid)
{
    Gil &gil = m_gils[pid];
    if (gil.object == 0) {
        const QString name
            = m_gils.size() == 1 || pid == m_end.pid ? Tr::tr("GIL") : Tr::tr("GIL of %1").arg(pid);
        gil.object = namedObject(QStringLiteral("gil:%1").arg(pid), name, ObjectKind::Gil);
        m_waits.nameObject(gil.object, name);
    }
    return gil.object;
}

bool Decoding::isGilRecord(const RawEvent &raw) const
{
    const auto it = m_gils.find(raw.pid);
    if (it == m_gils.end())
        return false;
    const RawRecord &r = raw.record;
    switch (RawKind(r.kind)) {
    case RawKind::LockWait:
    case RawKind::LockAcquired:
    case RawKind::LockReleased:
    case RawKind::LockFailed:
        return r.object == it->second.mutex && r.object != 0;
    case RawKind::CondWait:
    case RawKind::CondWake:
    case RawKind::CondSignal:
    case RawKind::CondBroadcast:
        return r.object == it->second.cond && r.object != 0;
    default:
        return false;
    }
}

void Decoding::handlePython(const RawEvent &raw, quint32 lane)
{
    const RawRecord &r = raw.record;
    switch (RawKind(r.kind)) {
    case RawKind::PySite: {
        if (r.object == 0) {
            m_siteOfTid.remove(r.tid);
            break;
        }
        const auto key = std::make_pair(raw.pid, r.object);
        if (!raw.text.isEmpty())
            m_codePath[key] = QString::fromUtf8(raw.text);
        const auto path = m_codePath.find(key);
        const quint16 id = path != m_codePath.end() ? siteId(path->second, int(r.value)) : 0;
        if (id)
            m_siteOfTid.insert(r.tid, id);
        else
            m_siteOfTid.remove(r.tid);
        break;
    }
    case RawKind::PyThread: {
        const auto target = m_threadOfHandle.find({raw.pid, r.object});
        const qint32 tid = target != m_threadOfHandle.end() ? target->second : r.tid;
        ActorInfo &info = m_builder.actor(actor(raw.pid, tid, r.timeNs));
        const QString name = cleanText(raw.text, 64);
        if (!name.isEmpty())
            info.name = name;
        info.isDaemon = r.value != 0;
        break;
    }
    case RawKind::GilFound:
        gilObject(raw.pid);
        break;
    case RawKind::GilWait: {
        Gil &gil = m_gils[raw.pid];
        const quint32 object = gilObject(raw.pid);
        addEvent(raw, lane, EventKind::LockWait, gil.holder, object);
        m_waits.beginWait(lane, WaitTarget::object(object), r.timeNs);
        gil.switchesAtWait.insert(lane, gil.switches);
        break;
    }
    case RawKind::GilTaken: {
        Gil &gil = m_gils[raw.pid];
        const quint32 object = gilObject(raw.pid);
        if (gil.holder != 0 && gil.holder != lane) {
            // Its drop was not seen (a thread that ended holding it): let go there.
            addEvent(raw, gil.holder, EventKind::LockReleased, gil.holds, object);
            m_waits.clearHolder(WaitTarget::object(object), gil.holder);
        }
        if (gil.holder != lane) {
            gil.holder = lane;
            ++gil.switches;
            addEvent(raw, lane, EventKind::LockAcquired, ++gil.holds, object);
        }
        gil.switchesAtWait.remove(lane);
        m_waits.endWait(lane);
        m_waits.setHolder(WaitTarget::object(object), lane);
        break;
    }
    case RawKind::GilDropped: {
        Gil &gil = m_gils[raw.pid];
        const quint32 object = gilObject(raw.pid);
        if (gil.holder == 0 && gil.holds == 0) {
            // Held since before the GIL was recognised.
            RawEvent since = raw;
            since.record.timeNs = std::min<std::int64_t>(gil.foundNs, r.timeNs);
            addEvent(since, lane, EventKind::LockAcquired, ++gil.holds, object);
            gil.holder = lane;
        }
        if (gil.holder == lane) {
            addEvent(raw, lane, EventKind::LockReleased, gil.holds, object);
            m_waits.clearHolder(WaitTarget::object(object), lane);
            gil.holder = 0;
        }
        break;
    }
    default:
        break;
    }
}

ObjectKind objectKindOf(PyKind kind)
{
    switch (kind) {
    case PyKind::Condition:
    case PyKind::Event:
        return ObjectKind::Condition;
    case PyKind::Queue:
        return ObjectKind::Queue;
    case PyKind::Lock:
    case PyKind::RLock:
    case PyKind::Semaphore:
    case PyKind::BoundedSemaphore:
        break;
    }
    return ObjectKind::Lock;
}

bool isSemaphore(PyKind kind)
{
    return kind == PyKind::Semaphore || kind == PyKind::BoundedSemaphore;
}

// "Lock@0x7f3a…": how the probe names an object it found no name for.
QString fallbackName(PyKind kind, std::uint64_t key)
{
    static const char *const words[]
        = {"", "Lock", "RLock", "Condition", "Semaphore", "BoundedSemaphore", "Event", "Queue"};
    return QStringLiteral("%1@0x%2").arg(QLatin1String(words[int(kind)])).arg(key, 0, 16);
}

PythonSync::Object &Decoding::pythonObject(qint32 pid, std::uint64_t key, PyKind kind)
{
    if (PythonSync::Object *o = m_python.shownAs(pid, key))
        return *o;
    // Made before the probe was installed (or its record was lost).
    m_python.declare(pid, key, kind, 0, 0, fallbackName(kind, key));
    return *m_python.find(pid, key);
}

quint32 Decoding::traceObjectOf(PythonSync::Object &o)
{
    if (o.traceObject == 0) {
        o.traceObject = m_builder.addObject({o.name, objectKindOf(o.kind)});
        m_objectNames.insert(o.traceObject, o.name);
        m_waits.nameObject(o.traceObject, o.name);
        if (o.kind == PyKind::Lock || o.kind == PyKind::RLock)
            m_pythonLocks.insert(o.traceObject);
    }
    return o.traceObject;
}

void Decoding::showPythonWait(const RawEvent &raw, quint32 lane, std::uint64_t cond,
                              PythonSync::Role role)
{
    using Role = PythonSync::Role;
    PythonSync::Object &o = pythonObject(raw.pid, cond, PyKind::Condition);
    const quint32 object = traceObjectOf(o);
    if (isSemaphore(o.kind)) {
        // A Semaphore's condition: waiting on it is waiting for the semaphore;
        // the end is its acquire (PySemAcquire), once per acquire however many waits.
        if ((role == Role::Blocks || role == Role::BlocksAndWakes)
            && !m_semaphoreWaits.contains(lane)) {
            m_semaphoreWaits.insert(lane);
            addEvent(raw, lane, EventKind::LockWait, 0, object);
            ++m_lockWaits;
        }
        return;
    }
    // A Condition's wait, or an Event's (its wait() and set() are its condition's).
    switch (role) {
    case Role::Blocks:
        addEvent(raw, lane, EventKind::CondWait, 0, object);
        break;
    case Role::BlocksAndWakes:
        addEvent(raw, lane, EventKind::CondWait, 0, object);
        addEvent(raw, lane, EventKind::CondWake, 0, object);
        break;
    case Role::Wakes:
        addEvent(raw, lane, EventKind::CondWake, 0, object);
        break;
    case Role::GivesUp:
        addEvent(raw, lane, EventKind::CondWake, ETIMEDOUT, object);
        break;
    case Role::Plain:
    case Role::Hidden:
        break;
    }
}

bool Decoding::handlePythonLock(const RawEvent &raw, quint32 lane)
{
    const PythonSync::Classified c
        = m_python.classify(raw.pid, raw.record.tid, RawKind(raw.record.kind), raw.record.object);
    if (c.role == PythonSync::Role::Plain)
        return false;
    showPythonWait(raw, lane, c.cond, c.role);
    return true;
}

void Decoding::handlePythonSync(const RawEvent &raw, quint32 lane)
{
    const RawRecord &r = raw.record;
    switch (RawKind(r.kind)) {
    case RawKind::PyObject: {
        const int kind = int(r.value & 0xff);
        if (kind < int(PyKind::Lock) || kind > int(PyKind::Queue))
            break;
        const QString name = cleanText(raw.text, 80);
        // A new object under this key from here on (the address may have been another's).
        m_locks.erase({raw.pid, r.object});
        m_python.declare(raw.pid, r.object, PyKind(kind), std::uint64_t(r.value2), r.value >> 8,
                         name.isEmpty() ? fallbackName(PyKind(kind), r.object) : name);
        break;
    }
    case RawKind::PyWaitBegin:
        pythonObject(raw.pid, r.object, PyKind::Condition);
        m_python.waitBegins(raw.pid, r.tid, r.object);
        break;
    case RawKind::PyWaitEnd: {
        const PythonSync::EndedWait ended = m_python.waitEnds(raw.pid, r.tid);
        // Left without a wake (an exception, a timeout seen only here): it ends now.
        if (ended.blocked && !ended.woke)
            showPythonWait(raw, lane, ended.cond, PythonSync::Role::GivesUp);
        break;
    }
    case RawKind::PyNotify: {
        PythonSync::Object &o = pythonObject(raw.pid, r.object, PyKind::Condition);
        // A Semaphore's release is its own record; an Event's notify is its set().
        if (!isSemaphore(o.kind))
            addEvent(raw, lane, EventKind::CondNotify, r.value, traceObjectOf(o));
        break;
    }
    case RawKind::PySemAcquire: {
        const quint32 object = traceObjectOf(pythonObject(raw.pid, r.object, PyKind::Semaphore));
        const bool waited = m_semaphoreWaits.remove(lane);
        if (r.value != 0) {
            addEvent(raw, lane, EventKind::LockAcquired, 0, object);
        } else if (waited) {
            addEvent(raw, lane, EventKind::IoWaitEnd, ETIMEDOUT, object);
            addEvent(raw, lane, EventKind::Mark, ETIMEDOUT, object,
                     m_builder.intern(
                         Tr::tr("gave up waiting for %1").arg(m_objectNames.value(object))));
        }
        break;
    }
    case RawKind::PySemRelease:
        addEvent(raw, lane, EventKind::LockReleased, 0,
                 traceObjectOf(pythonObject(raw.pid, r.object, PyKind::Semaphore)));
        break;
    case RawKind::PyPut:
    case RawKind::PyGet: {
        const quint32 queue = traceObjectOf(pythonObject(raw.pid, r.object, PyKind::Queue));
        // The item's preview pairs a put with its get (the same text on both ends).
        const quint32 preview = previewOf(raw.text);
        addEvent(raw, lane,
                 RawKind(r.kind) == RawKind::PyPut ? EventKind::MessageSend
                                                   : EventKind::MessageRecv,
                 r.value, queue, preview);
        break;
    }
    case RawKind::PyWrite:
        if (r.value > 0) {
            m_printCredit[{raw.pid, r.object}] += r.value;
            addPrintPiece(raw, lane, raw.text, r.value);
        }
        break;
    default:
        break;
    }
}

void Decoding::handlePythonChannel(const RawEvent &raw, quint32 lane)
{
    const RawRecord &r = raw.record;
    const auto end = std::uint64_t(r.object);
    if (RawKind(r.kind) == RawKind::PyChannel) {
        const auto other = std::uint64_t(r.value);
        const QList<QByteArray> names = raw.text.split('\n');
        if (r.value2 == 1) {
            // One end, named after its process: a name the program gave it stays.
            ChannelEnd &mine = m_channelEnds[end];
            mine.peer = other;
            if (mine.name.isEmpty())
                mine.name = cleanText(names.value(0), 80);
            if (other != 0)
                m_channelEnds.try_emplace(other, ChannelEnd {end, QString()});
            return;
        }
        m_channelEnds[end] = {other, cleanText(names.value(0), 80)};
        if (other != end)
            m_channelEnds[other] = {end, cleanText(names.value(1, names.value(0)), 80)};
        return;
    }
    // A message goes in at one end and comes out of the other: both directions
    // of a duplex pipe or socket are channels of their own, a queue's pipe is one.
    const auto found = m_channelEnds.find(end);
    if (found == m_channelEnds.end())
        return; // a connection weft does not know the other end of: its bytes show
    const bool put = RawKind(r.kind) == RawKind::PyChannelPut;
    // Other end unknown (peer 0: a kernel without sock_diag): the messages
    // show, on a channel per end and direction, without arrows.
    const quint32 channel = put ? channelDirection(end, found->second.peer)
                                : channelDirection(found->second.peer, end);
    const quint32 preview = previewOf(raw.text);
    addEvent(raw, lane, put ? EventKind::MessageSend : EventKind::MessageRecv, r.value, channel,
             preview);
}

quint32 Decoding::channelDirection(std::uint64_t from, std::uint64_t to)
{
    const QString key = QStringLiteral("mp:%1>%2").arg(from).arg(to);
    if (const auto it = m_objects.constFind(key); it != m_objects.constEnd())
        return it.value();
    // A queue is one pipe that both ends share; a Pipe() or a socket has an end
    // per process. Named at the end: the receiving end may be declared later.
    const quint32 object
        = namedObject(key, QString(), from == to ? ObjectKind::Queue : ObjectKind::Channel);
    m_channelDirections.push_back({object, from, to});
    return object;
}

void Decoding::nameChannelDirections()
{
    const auto nameOf = [&](std::uint64_t end) {
        if (end == 0)
            return Tr::tr("an unknown end");
        const auto found = m_channelEnds.find(end);
        return found == m_channelEnds.end() || found->second.name.isEmpty()
            ? Tr::tr("end %1").arg(end)
            : found->second.name;
    };
    for (const ChannelDirection &d : m_channelDirections) {
        const QString name = d.from == d.to
            ? nameOf(d.from)
            : QStringLiteral("%1 \u2192 %2").arg(nameOf(d.from), nameOf(d.to));
        m_builder.renameObject(d.object, name);
        m_objectNames.insert(d.object, name);
    }
}

void Decoding::handle(const RawEvent &raw)
{
    const RawRecord &r = raw.record;
    const RawKind kind = RawKind(r.kind);
    const quint32 lane = actor(raw.pid, r.tid, r.timeNs, kind == RawKind::ThreadBegin);
    if (isGilRecord(raw)) {
        // A wait for the GIL that ran out while nobody switched: take_gil asks the holder to drop.
        Gil &gil = m_gils[raw.pid];
        if (kind == RawKind::CondWake && r.value2 == ETIMEDOUT && gil.holder != 0
            && gil.holder != lane && gil.switchesAtWait.value(lane, -1) == gil.switches) {
            addEvent(
                raw, lane, EventKind::Mark, qint64(GilMark::DropRequest), gil.object,
                m_builder.intern(
                    Tr::tr("drop request: %1 asks for the GIL").arg(m_builder.actor(lane).name)));
            gil.switchesAtWait.insert(lane, -2); // once per wait, as in CPython
        }
        return;
    }
    if (kind >= RawKind::LockWait && kind <= RawKind::LockFailed
        && LockType(r.value2) == LockType::Semaphore && m_python.knows(raw.pid)
        && handlePythonLock(raw, lane))
        return;
    if (kind >= RawKind::PySite && kind <= RawKind::GilDropped)
        handlePython(raw, lane);
    else if (kind >= RawKind::PyObject && kind <= RawKind::PyWrite)
        handlePythonSync(raw, lane);
    else if (kind >= RawKind::PyChannel && kind <= RawKind::PyChannelGet)
        handlePythonChannel(raw, lane);
    else if (kind == RawKind::ProcessBegin
             || (kind >= RawKind::ProcessExit && kind <= RawKind::WaitEnd))
        handleProcesses(raw, lane);
    else if (kind >= RawKind::ThreadBegin && kind <= RawKind::SleepEnd)
        handleThreads(raw, lane);
    else if (kind >= RawKind::FdInfo && kind <= RawKind::PipeCreate)
        handleIo(raw, lane);
}

void Decoding::finishProcesses(qint64 endNs)
{
    // Output that never got its newline still was printed.
    while (!m_pendingPrints.empty())
        flushPrint(m_pendingPrints.begin()->first);
    // Processes that never said they ended and that no traced parent reaped:
    // the root (its end is the launcher's to tell) and orphans cut off by the kill.
    for (auto &[pid, p] : m_processes) {
        Event e;
        e.timeNs = p.exitNs > 0 ? std::max(p.exitNs, p.lastNs) : endNs;
        e.kind = EventKind::ProcessExit;
        e.actor = p.mainActor;
        e.flags = Imported;
        if (p.exitCode) {
            e.value = *p.exitCode;
            if (p.abnormal)
                e.flags |= Abnormal;
            e.text = m_builder.intern(p.exitText);
        } else if (pid == m_end.pid && m_end.how == ProgramEnd::How::Exited) {
            e.value = m_end.code;
        } else if (pid == m_end.pid && m_end.how == ProgramEnd::How::Signalled) {
            e.value = 128 + m_end.code;
            e.flags |= Abnormal;
            e.text = m_builder.intern(describeWaitStatus(int(m_end.how), m_end.code));
        } else if (m_end.how != ProgramEnd::How::Running) {
            e.value = 128 + SIGKILL;
            e.flags |= Abnormal;
            e.text = m_builder.intern(Tr::tr("killed when the recording stopped"));
        } else {
            continue; // still running (a live snapshot)
        }
        m_builder.addEvent(e);
    }
}

void Decoding::describeOutcome(qint64 endNs)
{
    Outcome outcome;
    int threads = 0;
    for (const auto &[pid, p] : m_processes)
        threads += 1 + p.threadCount;
    const int processes = int(m_processes.size());
    const std::optional<WaitCycle> cycle = m_waits.standingCycle();
    QString ending;
    switch (m_end.how) {
    case ProgramEnd::How::Running:
        outcome.status = Outcome::Status::NotRun;
        ending = Tr::tr("still running");
        break;
    case ProgramEnd::How::Exited:
        outcome.status = m_end.code == 0 ? Outcome::Status::Completed : Outcome::Status::Failed;
        ending = describeWaitStatus(int(m_end.how), m_end.code);
        break;
    case ProgramEnd::How::Signalled:
        outcome.status = Outcome::Status::Failed;
        ending = describeWaitStatus(int(m_end.how), m_end.code);
        break;
    case ProgramEnd::How::TimedOut:
        outcome.status = Outcome::Status::TimedOut;
        ending = Tr::tr("stopped at the timeout");
        break;
    case ProgramEnd::How::Cancelled:
        outcome.status = Outcome::Status::Cancelled;
        ending = Tr::tr("cancelled");
        break;
    case ProgramEnd::How::FailedToStart:
        outcome.status = Outcome::Status::Failed;
        ending = Tr::tr("could not be started");
        break;
    }
    QString deadlock;
    if (cycle) {
        outcome.status = Outcome::Status::Deadlocked;
        deadlock = m_waits.describe(*cycle, [this](quint32 a) { return m_builder.actor(a).name; });
        // One mark per member, as the scenarios' detector leaves them: the ring is drawn.
        for (const WaitEdge &edge : *cycle) {
            Event e;
            e.timeNs = m_waits.cycleFormedNs(*cycle);
            e.kind = EventKind::Mark;
            e.actor = edge.waiter;
            e.object = edge.target.kind == WaitTarget::Kind::Object ? edge.target.id : 0;
            e.value = edge.holder;
            e.flags = Abnormal | WaitsFor | Imported;
            e.text = m_builder.intern(
                Tr::tr("deadlock: %1").arg(m_waits.describe({edge}, [this](quint32 a) {
                    return m_builder.actor(a).name;
                })));
            m_builder.addEvent(e);
        }
        outcome.setValue(QStringLiteral("cycle_length"), cycle->size());
    }
    outcome.setValue(QStringLiteral("threads"), threads);
    outcome.setValue(QStringLiteral("processes"), processes);
    outcome.setValue(QStringLiteral("lock_waits"), m_lockWaits);
    outcome.setValue(QStringLiteral("packets"), m_packets);
    outcome.setValue(QStringLiteral("bytes_sent"), m_bytes);
    if (m_end.how == ProgramEnd::How::Exited || m_end.how == ProgramEnd::How::Signalled)
        outcome.setValue(QStringLiteral("exit_status"),
                         m_end.how == ProgramEnd::How::Exited ? m_end.code : 128 + m_end.code);
    QStringList facts = {Tr::tr("threads: %1").arg(threads), Tr::tr("processes: %1").arg(processes),
                         Tr::tr("lock waits: %1").arg(m_lockWaits)};
    if (m_packets > 0)
        facts.append(Tr::tr("packets: %1 (%2 bytes)").arg(m_packets).arg(m_bytes));
    QString summary = Tr::tr("%1; %2.").arg(facts.join(Tr::tr(", ")), ending);
    if (!deadlock.isEmpty())
        summary += QLatin1Char(' ') + Tr::tr("Deadlock: %1.").arg(deadlock);
    outcome.summary = summary;
    Q_UNUSED(endNs);
    m_builder.metadata().outcome = outcome;
}

void Decoding::prepare(const RawEvent &raw)
{
    if (RawKind(raw.record.kind) == RawKind::ThreadBegin)
        m_unclaimedThreads[{raw.pid, raw.record.object}].push_back(raw.record.tid);
    // The GIL's mutex and cond are known up front: all their records become the GIL band.
    if (RawKind(raw.record.kind) == RawKind::GilFound && m_gils.count(raw.pid) == 0) {
        Gil &gil = m_gils[raw.pid];
        gil.cond = raw.record.object;
        gil.mutex = std::uint64_t(raw.record.value);
        gil.foundNs = raw.record.timeNs;
    }
}

void Decoding::handleRecord(const RawEvent &raw)
{
    if (raw.record.tid <= 0 || raw.pid <= 0)
        return;
    handle(raw);
    m_lastNs = std::max<qint64>(m_lastNs, raw.record.timeNs);
}

qint64 Decoding::heldBackNs() const
{
    // A line of output becomes one Print at the time of its first piece, once it ends.
    qint64 oldest = std::numeric_limits<qint64>::max();
    for (const auto &[lane, pending] : m_pendingPrints)
        if (!pending.text.isEmpty())
            oldest = std::min<qint64>(oldest, pending.first.record.timeNs);
    return oldest;
}

void Decoding::describeRun()
{
    TraceMetadata &meta = m_builder.metadata();
    // The program by its name, not the path it was typed with: the title is for reading.
    QStringList words = m_end.command.split(u' ', Qt::SkipEmptyParts);
    if (!words.isEmpty())
        words.first() = QFileInfo(words.first()).fileName();
    meta.title = Tr::tr("Recorded: %1").arg(words.join(u' ').left(120));
    meta.parameters = {{QStringLiteral("command"), m_end.command}};
    meta.droppedEvents = m_dropped;
}

void Decoding::finish(const ProgramEnd &end)
{
    m_end = end;
    const qint64 endNs = m_end.endNs > 0 ? std::max(m_end.endNs, m_lastNs) : m_lastNs;
    finishProcesses(endNs);
    nameChannelDirections();
    describeOutcome(endNs);
    describeRun();
}

Trace Decoding::run(std::vector<RawEvent> &events)
{
    const std::vector<quint32> order = timeOrder(events);
    m_builder.reserveEvents(events.size() + m_processes.size() + 16);
    // pthread_create returns in the creator before or after the new thread's
    // first record: match creations to starts by handle, in order, up front.
    for (const quint32 index : order)
        prepare(events[index]);
    // The GIL first: the lowest object id gets the first legend entry and its
    // own colour, ahead of the dozens of locks an interpreter takes.
    for (auto &[pid, gil] : m_gils)
        gilObject(pid);
    for (const quint32 index : order)
        handleRecord(events[index]);
    finish(m_end);
    return m_builder.build();
}
} // namespace

QString describeWaitStatus(int how, int code)
{
    if (ProgramEnd::How(how) == ProgramEnd::How::Signalled) {
        const char *name = sigabbrev_np(code);
        return Tr::tr("killed by %1")
            .arg(name ? QStringLiteral("SIG") + QString::fromLatin1(name)
                      : Tr::tr("signal %1").arg(code));
    }
    return Tr::tr("exited with status %1").arg(code);
}

Trace RecordingDecoder::decode(std::vector<RawEvent> events, const ProgramEnd &end)
{
    m_warnings.clear();
    Decoding decoding(end, m_warnings);
    return decoding.run(events);
}

struct RecordingDecoder::Streaming
{
    Streaming(const ProgramEnd &start, QStringList &warnings)
        : decoding(start, warnings)
    {
    }
    Decoding decoding;
};

RecordingDecoder::RecordingDecoder() = default;
RecordingDecoder::~RecordingDecoder() = default;

void RecordingDecoder::begin(const ProgramEnd &start)
{
    m_warnings.clear();
    m_streaming = std::make_unique<Streaming>(start, m_warnings);
    m_streaming->decoding.describeRun();
}

void RecordingDecoder::prepare(const RawEvent &raw)
{
    m_streaming->decoding.prepare(raw);
}

void RecordingDecoder::handle(const RawEvent &raw)
{
    m_streaming->decoding.handleRecord(raw);
}

qint64 RecordingDecoder::heldBackNs() const
{
    return m_streaming->decoding.heldBackNs();
}

TraceBuilder &RecordingDecoder::builder()
{
    return m_streaming->decoding.builder();
}

void RecordingDecoder::finish(const ProgramEnd &end)
{
    m_streaming->decoding.finish(end);
}

} // namespace weft::record
