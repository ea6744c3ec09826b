// SPDX-License-Identifier: MIT
#pragma once

// The wire format between the recording interposer (libweftrecord.so, loaded
// into someone else's program with LD_PRELOAD) and `weft record`, which turns
// it into a Trace. Plain C++ with fixed-width types only: the interposer
// includes this header and links nothing but libc.
//
// Channel (format 2): every traced thread writes into a ring file of its own
// in the recording directory ($WEFT_RECORD_DIR), named "<pid>-<tid>-<seq>.wrr"
// (RingHeader, then a power-of-two number of RawRecord slots). A ring is
// created at its full size, mapped MAP_SHARED and its descriptor closed at once, so
//   - the program cannot close the channel (closefrom(3), close-all loops);
//   - a crash loses nothing already written (the pages belong to the file);
//   - no lock is shared by threads and nothing is allocated after a thread's
//     first record; the ring's pages are reused, so they stay warm.
// The producer (the thread) publishes records by storing `head` (slots written,
// ever growing) with release order after the records' bytes; the consumer
// (weft's RingDrainer) loads `head` with acquire order, copies the slots out and
// stores `tail` (slots consumed) with release order. A record's text
// continuation slots follow it modulo the capacity: a record may wrap around
// the ring's end, the reader takes its slots modulo the capacity too. A full
// ring makes the thread wait for the drainer (a bounded while, see runtime.cpp),
// then drop the record and count it in `dropped`.
//
// The drainer turns rings into chunk files "<pid>-<tid>-<seq>.wrc" (ChunkHeader,
// then `count` slots, records never split across chunks; timeNs always in
// CLOCK_MONOTONIC ns). A chunk's records are written before its `count`, which
// a reader (live, while the drainer runs) loads with acquire order: it sees
// whole records only. Format 1 had the program write chunks directly; readers
// still accept them.

#include <cstdint>

namespace weft::record {

inline constexpr std::uint32_t kChunkMagic = 0x43524657; // "WFRC" little-endian
inline constexpr std::uint32_t kFormatVersion = 2; // 2: rings + ChunkHeader::dropped
inline constexpr std::uint32_t kOldestFormatVersion = 1; // oldest chunk version readers accept
inline constexpr std::uint32_t kChunkBytes = 1u << 20; // 1 MiB per chunk file
inline constexpr const char *kRecordDirEnv = "WEFT_RECORD_DIR";
inline constexpr const char *kChunkSuffix = ".wrc";
inline constexpr std::uint32_t kRingMagic = 0x52524657; // "WFRR" little-endian
inline constexpr const char *kRingSuffix = ".wrr";
inline constexpr std::uint32_t kRingSlotsLog2 = 15; // 32768 slots (1.25 MiB) per thread
// "tsc": record raw time-stamp counter values (weft checked the CPU has an
// invariant TSC and converts them); anything else or unset: CLOCK_MONOTONIC.
inline constexpr const char *kRecordClockEnv = "WEFT_RECORD_CLOCK";

// What a raw record says. Append-only: the number is the wire value.
enum class RawKind : std::uint16_t {
    None = 0,
    // Processes. ProcessBegin is the first record of every process image (also
    // after execve): value = parent pid, text = the program's argv joined by spaces.
    ProcessBegin = 1,
    ProcessExit = 2, // exit()/_exit() called: value = exit code
    Fork = 3, // in the parent after fork/vfork: value = child pid (or -errno)
    Exec = 4, // before execve & co.: text = path; if it returns, ExecFailed follows
    ExecFailed = 5, // value = errno
    Spawn = 6, // posix_spawn/posix_spawnp succeeded: value = child pid, text = path
    WaitBegin = 7, // waitpid/wait4/wait: value = the pid argument (-1 = any child)
    WaitEnd = 8, // value = reaped pid (0/-1: none), value2 = raw wait status
    // Threads. object = pthread_t of the thread concerned.
    ThreadBegin = 10, // first record of a new thread: object = pthread_self(), value = creator tid
    ThreadEnd = 11, // start routine returned or pthread_exit: object = pthread_self()
    ThreadCreate = 12, // in the creator after pthread_create succeeded: object = new pthread_t
    ThreadName
    = 13, // pthread_setname_np / prctl(PR_SET_NAME): object = pthread_t named, text = name
    JoinBegin = 14, // pthread_join & co.: object = pthread_t joined
    JoinEnd = 15, // value = 0 joined, else the error (EBUSY for tryjoin, ETIMEDOUT ...)
    Detach = 16, // object = pthread_t
    // Locks. object = address of the lock; value2 = LockType.
    LockWait = 20, // a blocking acquire found the lock not free (recorded only then)
    LockAcquired = 21, // value = 1 if shared (rwlock read lock), else 0
    LockReleased = 22,
    LockFailed = 23, // a timed/try acquire gave up after a LockWait: value = error
    LockDestroyed = 24, // sem_destroy: the address may name another lock from here on
    // Condition variables. object = cond address, value = mutex address.
    CondWait = 30, // the mutex is released here (a LockReleased for it precedes)
    CondWake = 31, // value2 = 0 woken/spurious, else the error (ETIMEDOUT); LockAcquired follows
    CondSignal = 32, // value2 = 1
    CondBroadcast = 33, // value2 = 0 (all waiters)
    BarrierWaitBegin = 34, // object = barrier address
    BarrierWaitEnd = 35,
    // Time. value = requested duration in ns (-1 unknown/absolute deadline).
    SleepBegin = 40,
    SleepEnd = 41,
    // Descriptors. object = fd.
    FdInfo = 50, // first data op on an fd: value = FdType, value2 = pipe inode (pipes),
                 // text = "local|peer" addresses for sockets ("127.0.0.1:5000|127.0.0.1:41234")
    SocketCreate = 51, // value = domain, value2 = type
    Bind = 52, // text = address
    Listen = 53, // value = backlog
    AcceptBegin = 54, // blocking accept: the thread waits for a connection
    AcceptEnd = 55, // value = new fd (or -errno)
    ConnectBegin = 56, // text = target address
    ConnectEnd = 57, // value = 0 or -errno
    Send = 58, // value = bytes moved (>0 only); text = first bytes (preview)
    Recv = 59, // value = bytes moved (>0 only; 0 = end of stream); text = preview
    Shutdown = 60, // value = how
    Close = 61, // the fd is closed (only fds that had a FdInfo or socket record)
    IoWaitBegin = 62, // poll/select/epoll_wait/blocking read: value = IoWaitKind, object = fd or -1
    IoWaitEnd = 63, // value = result
    Print = 64, // write to fd 1 or 2: object = fd, value = bytes, text = what was written (cut)
    PipeCreate = 65, // object = read fd, value = write fd, value2 = inode
    // Python (CPython's C-API found in the process; python.cpp).
    PySite = 100, // the thread's Python site from here on (its records until the next
                  // PySite): object = code object address (0: no Python frame outside
                  // the standard library), value = line, text = the code's file path,
                  // sent with a thread's first PySite for that code object only (later
                  // ones have no text: the path is the one the process sent before)
    PyThread = 101, // from weft's probe as a threading.Thread starts: object = pthread_t,
                    // value = 1 daemon, text = the thread's Python name
    GilFound = 102, // the GIL recognised (first take_gil wait): object = its cond,
                    // value = its mutex, value2 = the wait's timeout in ns
    GilWait = 103, // take_gil starts waiting for the GIL: object = the GIL's cond
    GilTaken = 104, // take_gil has it (written as it unlocks the GIL's mutex)
    GilDropped = 105, // drop_gil let it go (it signalled the cond, then unlocks)
    // From weft's probe (weft_probe.py, through weft_record_python) in the thread
    // concerned, with the GIL held. A key is a lock's sem_t address (Lock, RLock:
    // the address its LockWait/LockAcquired/LockReleased records carry), else the
    // Python object's id().
    PyObject = 106, // made: object = key, value = PyKind | (initial count or maxsize << 8),
                    // value2 = key of the object it is part of (0: none), text = name
    PyWaitBegin = 107, // Condition.wait begins: object = the condition's key; the waiter
                       // lock it blocks on is the first lock this thread acquires next
    PyWaitEnd = 108, // Condition.wait returns: value = 1 notified, 0 timed out or raised
    PyNotify = 109, // Condition.notify: object = key, value = waiters it lets go
    PySemAcquire = 110, // Semaphore.acquire returned: object = key, value = 1 got it, 0 not
    PySemRelease = 111, // Semaphore.release is about to release: value = n
    PyPut = 112, // an item entered a queue.Queue (under its mutex): object = key,
                 // value = its size in bytes (built-in values; else 0), text = preview
    PyGet = 113, // an item left it: as PyPut
    PyWrite = 114, // text written to sys.stdout/sys.stderr: object = fd, value = bytes
                   // it becomes (the fd's Print records of them are not shown again)
    // multiprocessing: a message between processes, keyed by the inode of the pipe
    // or socket end it goes through (the same in every process that holds it).
    PyChannel = 115, // a multiprocessing Queue or Pipe made: object = inode of one end,
                     // value = inode of the other (a Queue's pipe: the same), text =
                     // the names of the two ends separated by '\n' (a Queue: one name);
                     // value2 = 1: a socket's end seen first in use (a Manager's
                     // connection), text = the name of its process only
    PyChannelPut = 116, // Queue.put or Connection.send returned: object = inode of the end
                        // it went in at, value = its size (built-in values; else 0),
                        // text = preview
    PyChannelGet = 117, // Queue.get or Connection.recv returned: object = inode of the end
                        // it came out of, as PyChannelPut
};

// The Python kind of a PyObject.
enum class PyKind : std::uint8_t {
    Lock = 1,
    RLock = 2,
    Condition = 3,
    Semaphore = 4,
    BoundedSemaphore = 5,
    Event = 6,
    Queue = 7
};

enum class LockType : std::uint16_t { Mutex = 1, RwLock = 2, Semaphore = 3, Spin = 4 };
enum class FdType : std::uint16_t {
    Other = 0,
    Pipe = 1,
    Tcp = 2,
    Unix = 3,
    Udp = 4,
    File = 5,
    Tty = 6
};
enum class IoWaitKind : std::uint16_t { Poll = 1, Select = 2, Epoll = 3, Read = 4, Write = 5 };

// One fixed-size record. Text that does not fit is cut; text follows the
// record in continuation slots of the same size (textBytes says how many
// bytes; ceil(textBytes / sizeof(RawRecord)) slots), never split across chunks
// (in a ring they may wrap around its end).
struct RawRecord
{
    std::int64_t timeNs; // CLOCK_MONOTONIC ns (in a ring: see RingHeader::clock)
    std::uint64_t object;
    std::int64_t value;
    std::int64_t value2;
    std::uint16_t kind; // RawKind
    std::uint16_t textBytes;
    std::int32_t tid; // gettid() of the writing thread
};
static_assert(sizeof(RawRecord) == 40, "RawRecord is part of the wire format");

inline constexpr std::uint16_t kMaxTextBytes = 512;

// The first bytes of every chunk file; records start at kChunkHeaderBytes.
struct ChunkHeader
{
    std::uint32_t magic;
    std::uint32_t version;
    std::int32_t pid;
    std::int32_t tid;
    std::uint32_t sequence; // 0, 1, 2 ... per thread
    std::uint32_t capacity; // slots of sizeof(RawRecord) after the header
    std::uint32_t count; // slots in use: written with release, read with acquire
                         // (__atomic_store_n / __atomic_load_n)
    std::uint32_t reserved;
    std::int64_t createdNs;
    // Format 2 on: records of this thread the program dropped (its ring was
    // full) that this chunk accounts for; a reader sums them over all chunks.
    std::uint64_t dropped;
};
inline constexpr std::uint32_t kChunkHeaderBytes = 64;
static_assert(sizeof(ChunkHeader) <= kChunkHeaderBytes);

inline constexpr std::uint32_t chunkCapacity()
{
    return (kChunkBytes - kChunkHeaderBytes) / sizeof(RawRecord);
}

// Which clock a ring's RawRecord::timeNs is in.
enum class RecordClock : std::uint32_t { Monotonic = 0, Tsc = 1 };

// The first kRingHeaderBytes of every ring file; slots start after it. The
// producer's and the consumer's counters sit on cache lines of their own.
struct RingHeader
{
    std::uint32_t magic; // stored last (release) once the rest is set
    std::uint32_t version; // kFormatVersion
    std::int32_t pid;
    std::int32_t tid;
    std::uint32_t sequence; // 0, 1, 2 ... per pid and tid
    std::uint32_t capacity; // slots, a power of two
    std::uint32_t clock; // RecordClock of the records' timeNs
    std::uint32_t flags; // kRingClosed: the thread ended, nothing more comes
    std::int64_t createdNs; // CLOCK_MONOTONIC when the ring was made
    std::uint64_t createdTicks; // the TSC then (clock == Tsc), else 0
    std::uint8_t pad0[16];
    // Producer's line (offset 64).
    std::uint64_t head; // slots written (ever growing): release / acquire
    std::uint64_t dropped; // records dropped because the ring was full (release / acquire)
    std::uint8_t pad1[48];
    // Consumer's line (offset 128).
    std::uint64_t tail; // slots consumed by the drainer: release / acquire
    std::uint8_t pad2[120];
};
inline constexpr std::uint32_t kRingHeaderBytes = 256;
inline constexpr std::uint32_t kRingClosed = 1;
static_assert(sizeof(RingHeader) == kRingHeaderBytes);
static_assert(__builtin_offsetof(RingHeader, head) == 64);
static_assert(__builtin_offsetof(RingHeader, tail) == 128);

inline constexpr std::uint64_t ringFileBytes(std::uint32_t capacity)
{
    return kRingHeaderBytes + std::uint64_t(capacity) * sizeof(RawRecord);
}

// Slots a record with textBytes of text takes (the record plus its text).
inline constexpr std::uint32_t recordSlots(std::uint32_t textBytes)
{
    return 1
        + (textBytes + std::uint32_t(sizeof(RawRecord)) - 1) / std::uint32_t(sizeof(RawRecord));
}

} // namespace weft::record
