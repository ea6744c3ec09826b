// SPDX-License-Identifier: MIT
#pragma once

// The wire format between the recording interposer (libweftrecord.so, loaded
// into someone else's program with LD_PRELOAD) and `weft record`, which turns
// it into a Trace. Plain C++ with fixed-width types only: the interposer
// includes this header and links nothing but libc.
//
// Channel: every traced thread writes into chunk files of its own in the
// recording directory ($WEFT_RECORD_DIR), named "<pid>-<tid>-<seq>.wrc". A
// chunk is created at its full size, mapped MAP_SHARED and its descriptor
// closed at once, so
//   - the program cannot close the channel (closefrom(3), close-all loops);
//   - a crash loses nothing already written (the pages belong to the file);
//   - no lock is shared by threads and nothing is allocated after a thread's
//     first chunk (a new chunk only when one is full).
// A record is published by storing the chunk's `count` with release order after
// the record's bytes, so a reader (live, while the program runs) that loads
// `count` with acquire order sees whole records only.

#include <cstdint>

namespace weft::record {

inline constexpr std::uint32_t kChunkMagic = 0x43524657;  // "WFRC" little-endian
inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr std::uint32_t kChunkBytes = 1u << 20;    // 1 MiB per chunk file
inline constexpr const char *kRecordDirEnv = "WEFT_RECORD_DIR";
inline constexpr const char *kChunkSuffix = ".wrc";

// What a raw record says. Append-only: the number is the wire value.
enum class RawKind : std::uint16_t {
    None = 0,
    // Processes. ProcessBegin is the first record of every process image (also
    // after execve): value = parent pid, text = the program's argv joined by spaces.
    ProcessBegin = 1,
    ProcessExit = 2,     // exit()/_exit() called: value = exit code
    Fork = 3,            // in the parent after fork/vfork: value = child pid (or -errno)
    Exec = 4,            // before execve & co.: text = path; if it returns, ExecFailed follows
    ExecFailed = 5,      // value = errno
    Spawn = 6,           // posix_spawn/posix_spawnp succeeded: value = child pid, text = path
    WaitBegin = 7,       // waitpid/wait4/wait: value = the pid argument (-1 = any child)
    WaitEnd = 8,         // value = reaped pid (0/-1: none), value2 = raw wait status
    // Threads. object = pthread_t of the thread concerned.
    ThreadBegin = 10,    // first record of a new thread: object = pthread_self(), value = creator tid
    ThreadEnd = 11,      // start routine returned or pthread_exit: object = pthread_self()
    ThreadCreate = 12,   // in the creator after pthread_create succeeded: object = new pthread_t
    ThreadName = 13,     // pthread_setname_np / prctl(PR_SET_NAME): object = pthread_t named, text = name
    JoinBegin = 14,      // pthread_join & co.: object = pthread_t joined
    JoinEnd = 15,        // value = 0 joined, else the error (EBUSY for tryjoin, ETIMEDOUT ...)
    Detach = 16,         // object = pthread_t
    // Locks. object = address of the lock; value2 = LockType.
    LockWait = 20,       // a blocking acquire found the lock not free (recorded only then)
    LockAcquired = 21,   // value = 1 if shared (rwlock read lock), else 0
    LockReleased = 22,
    LockFailed = 23,     // a timed/try acquire gave up after a LockWait: value = error
    // Condition variables. object = cond address, value = mutex address.
    CondWait = 30,       // the mutex is released here (a LockReleased for it precedes)
    CondWake = 31,       // value2 = 0 woken/spurious, else the error (ETIMEDOUT); LockAcquired follows
    CondSignal = 32,     // value2 = 1
    CondBroadcast = 33,  // value2 = 0 (all waiters)
    BarrierWaitBegin = 34,  // object = barrier address
    BarrierWaitEnd = 35,
    // Time. value = requested duration in ns (-1 unknown/absolute deadline).
    SleepBegin = 40,
    SleepEnd = 41,
    // Descriptors. object = fd.
    FdInfo = 50,         // first data op on an fd: value = FdType, value2 = pipe inode (pipes),
                         // text = "local|peer" addresses for sockets ("127.0.0.1:5000|127.0.0.1:41234")
    SocketCreate = 51,   // value = domain, value2 = type
    Bind = 52,           // text = address
    Listen = 53,         // value = backlog
    AcceptBegin = 54,    // blocking accept: the thread waits for a connection
    AcceptEnd = 55,      // value = new fd (or -errno)
    ConnectBegin = 56,   // text = target address
    ConnectEnd = 57,     // value = 0 or -errno
    Send = 58,           // value = bytes moved (>0 only); text = first bytes (preview)
    Recv = 59,           // value = bytes moved (>0 only; 0 = end of stream); text = preview
    Shutdown = 60,       // value = how
    Close = 61,          // the fd is closed (only fds that had a FdInfo or socket record)
    IoWaitBegin = 62,    // poll/select/epoll_wait/blocking read: value = IoWaitKind, object = fd or -1
    IoWaitEnd = 63,      // value = result
    Print = 64,          // write to fd 1 or 2: object = fd, value = bytes, text = what was written (cut)
    PipeCreate = 65,     // object = read fd, value = write fd, value2 = inode
    // Python (the probe of issue 16) may add kinds from 100 on.
};

enum class LockType : std::uint16_t { Mutex = 1, RwLock = 2, Semaphore = 3, Spin = 4 };
enum class FdType : std::uint16_t { Other = 0, Pipe = 1, Tcp = 2, Unix = 3, Udp = 4, File = 5, Tty = 6 };
enum class IoWaitKind : std::uint16_t { Poll = 1, Select = 2, Epoll = 3, Read = 4, Write = 5 };

// One fixed-size record. Text that does not fit is cut; text follows the
// record in continuation slots of the same size (textBytes says how many
// bytes; ceil(textBytes / sizeof(RawRecord)) slots), never split across chunks.
struct RawRecord
{
    std::int64_t timeNs;     // CLOCK_MONOTONIC
    std::uint64_t object;
    std::int64_t value;
    std::int64_t value2;
    std::uint16_t kind;      // RawKind
    std::uint16_t textBytes;
    std::int32_t tid;        // gettid() of the writing thread
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
    std::uint32_t sequence;      // 0, 1, 2 ... per thread
    std::uint32_t capacity;      // slots of sizeof(RawRecord) after the header
    std::uint32_t count;         // slots in use: written with release, read with acquire
                                 // (__atomic_store_n / __atomic_load_n)
    std::uint32_t reserved;
    std::int64_t createdNs;
};
inline constexpr std::uint32_t kChunkHeaderBytes = 64;
static_assert(sizeof(ChunkHeader) <= kChunkHeaderBytes);

inline constexpr std::uint32_t chunkCapacity()
{
    return (kChunkBytes - kChunkHeaderBytes) / sizeof(RawRecord);
}

} // namespace weft::record
