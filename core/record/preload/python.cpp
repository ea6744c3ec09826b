// SPDX-License-Identifier: MIT
// The Python side of libweftrecord.so: when the traced program is a CPython
// interpreter (its C-API is visible to dlsym(RTLD_DEFAULT); nothing here
// links against libpython), the records a thread writes while it holds the
// GIL are preceded by a PySite record naming the innermost frame outside the
// standard library (file, line), emitted only when that site changes. The GIL
// itself is recognised at its first timed wait (CPython's take_gil waits on a
// condition variable with the switch interval as timeout).

#include "preload.h"

#include <cstring>
#include <pthread.h>

namespace weft::record::preload {

namespace {

using IntFn = int (*)();
using PtrFn = void *(*)();
using PtrPtrFn = void *(*)(void *);
using IntPtrFn = int (*)(void *);
using VoidPtrFn = void (*)(void *);
using AttrFn = void *(*)(void *, const char *);
using Utf8Fn = const char *(*)(void *);
using FetchFn = void (*)(void **, void **, void **);
using RestoreFn = void (*)(void *, void *, void *);

struct PyApi
{
    IntFn gilStateCheck;
    PtrFn currentThreadState; // _PyThreadState_UncheckedGet / PyThreadState_GetUnchecked
    PtrFn thisThreadState; // PyGILState_GetThisThreadState
    PtrFn getFrame; // PyEval_GetFrame (borrowed)
    PtrPtrFn frameBack; // PyFrame_GetBack (new reference)
    PtrPtrFn frameCode; // PyFrame_GetCode (new reference)
    IntPtrFn frameLine; // PyFrame_GetLineNumber
    IntPtrFn frameLasti; // PyFrame_GetLasti (3.11+, optional)
    AttrFn getAttr; // PyObject_GetAttrString
    Utf8Fn asUtf8; // PyUnicode_AsUTF8
    VoidPtrFn incRef, decRef; // Py_IncRef / Py_DecRef
    IntFn gcDisable, gcEnable; // PyGC_Disable / PyGC_Enable (3.10+, optional)
    FetchFn errFetch;
    RestoreFn errRestore;
};

PyApi g_py;

// Per-thread cache of code objects seen: the path of their co_filename and
// whether it is the standard library's. Each cached code object is kept
// alive (one reference), so its address names it for the process's life.
constexpr int kCodeCache = 32;
constexpr int kLineCacheLog2 = 5;
constexpr int kLineCache = 1 << kLineCacheLog2;
struct CodeEntry
{
    void *code;
    const char *path;
    std::uint16_t pathBytes;
    std::uint8_t skip; // standard library, frozen module or weft's probe
    std::uint8_t sent; // this thread sent the path already
};

struct PyThreadCache
{
    CodeEntry entries[kCodeCache];
    // The site last emitted.
    void *siteCode;
    std::int32_t siteLine;
    // Lines computed: the same code at the same instruction is on the same line
    // (PyFrame_GetLineNumber walks the code's line table).
    struct LineEntry
    {
        void *code;
        std::int32_t lasti;
        std::int32_t line;
    } lines[kLineCache];
    std::uint8_t gilWaiting; // inside take_gil's wait (GilWait written)
    std::uint8_t gilSignalled; // signalled the GIL's cond while holding its mutex (a drop)
};

__thread PyThreadCache t_py __attribute__((tls_model("initial-exec")));

template<typename F> bool look(F &slot, const char *name)
{
    slot = reinterpret_cast<F>(dlsym(RTLD_DEFAULT, name));
    return slot != nullptr;
}

bool skipPath(const char *path)
{
    if (!path || !*path)
        return true;
    // Not a file: "<frozen importlib._bootstrap>", "<string>" (exec'd text, such
    // as site's .pth lines), "<stdin>". The code panel has nothing to show for them.
    if (path[0] == '<')
        return true;
    if (std::strstr(path, "/lib/python3."))
        return true;
    const char *base = std::strrchr(path, '/');
    base = base ? base + 1 : path;
    return std::strcmp(base, "weft_probe.py") == 0;
}

CodeEntry *lookupCode(PyThreadCache &c, void *code, CodeEntry *scratch)
{
    const std::uintptr_t h = (reinterpret_cast<std::uintptr_t>(code) >> 4) * 0x9E3779B97F4A7C15ull;
    const unsigned start = static_cast<unsigned>(h >> 59) & (kCodeCache - 1);
    CodeEntry *slot = scratch; // full: looked up every time, not cached
    for (unsigned i = 0; i < 4; ++i) {
        CodeEntry &e = c.entries[(start + i) & (kCodeCache - 1)];
        if (e.code == code)
            return &e;
        if (e.code == nullptr) {
            slot = &e;
            break;
        }
    }
    // Not cached: look co_filename up (an attribute lookup; keep any pending exception).
    void *type = nullptr, *value = nullptr, *trace = nullptr;
    g_py.errFetch(&type, &value, &trace);
    const char *path = nullptr;
    void *name = g_py.getAttr(code, "co_filename");
    if (name) {
        path = g_py.asUtf8(name);
        g_py.decRef(name); // the code object keeps its filename alive
    }
    void *t2 = nullptr, *v2 = nullptr, *tb2 = nullptr;
    g_py.errFetch(&t2, &v2, &tb2); // drop any error of ours
    if (t2)
        g_py.decRef(t2);
    if (v2)
        g_py.decRef(v2);
    if (tb2)
        g_py.decRef(tb2);
    g_py.errRestore(type, value, trace);
    const std::size_t bytes = path ? std::strlen(path) : 0;
    slot->code = code;
    slot->path = path;
    slot->pathBytes = static_cast<std::uint16_t>(bytes > kMaxTextBytes ? kMaxTextBytes : bytes);
    slot->skip = skipPath(path) ? 1 : 0;
    slot->sent = 0;
    if (slot != scratch)
        g_py.incRef(code); // cached for good: its address stays its name
    return slot;
}

} // namespace

bool g_python = false;
std::uint64_t g_gilCond = 0, g_gilMutex = 0;

void resolvePython()
{
    PyApi a {};
    if (!look(a.gilStateCheck, "PyGILState_Check"))
        return;
    if (!look(a.currentThreadState, "PyThreadState_GetUnchecked")
        && !look(a.currentThreadState, "_PyThreadState_UncheckedGet"))
        return;
    if (!look(a.thisThreadState, "PyGILState_GetThisThreadState")
        || !look(a.getFrame, "PyEval_GetFrame") || !look(a.frameBack, "PyFrame_GetBack")
        || !look(a.frameCode, "PyFrame_GetCode") || !look(a.frameLine, "PyFrame_GetLineNumber")
        || !look(a.getAttr, "PyObject_GetAttrString") || !look(a.asUtf8, "PyUnicode_AsUTF8")
        || !look(a.incRef, "Py_IncRef") || !look(a.decRef, "Py_DecRef")
        || !look(a.errFetch, "PyErr_Fetch") || !look(a.errRestore, "PyErr_Restore"))
        return;
    look(a.frameLasti, "PyFrame_GetLasti");
    if (!look(a.gcDisable, "PyGC_Disable") || !look(a.gcEnable, "PyGC_Enable"))
        a.gcDisable = a.gcEnable = nullptr;
    g_py = a;
    g_python = true;
}

bool pythonHoldsGil()
{
    return g_py.currentThreadState() != nullptr && g_py.gilStateCheck() == 1;
}

bool pythonSite(PySiteOut &out)
{
    if (!pythonHoldsGil())
        return false;
    PyThreadCache &c = t_py;
    // Frame objects made here must not start a collection (finalizers would
    // run inside the program's lock call).
    const int gcWas = g_py.gcDisable ? g_py.gcDisable() : 0;
    void *frame = g_py.getFrame();
    void *owned = nullptr; // a frame we hold a reference to
    CodeEntry *found = nullptr;
    CodeEntry scratch {};
    for (int depth = 0; frame && depth < 64; ++depth) {
        void *code = g_py.frameCode(frame);
        if (!code)
            break;
        g_py.decRef(code); // the frame keeps it
        CodeEntry *e = lookupCode(c, code, &scratch);
        if (!e->skip) {
            found = e;
            break;
        }
        void *back = g_py.frameBack(frame);
        if (owned)
            g_py.decRef(owned);
        owned = back;
        frame = back;
    }
    std::int32_t line = 0;
    if (found) {
        const std::int32_t lasti = g_py.frameLasti ? g_py.frameLasti(frame) : -1;
        const std::uint64_t key
            = (reinterpret_cast<std::uintptr_t>(found->code) ^ (std::uint64_t(lasti) << 40))
            * 0x9E3779B97F4A7C15ull;
        auto &slot = c.lines[key >> (64 - kLineCacheLog2)];
        if (lasti >= 0 && slot.code == found->code && slot.lasti == lasti) {
            line = slot.line;
        } else {
            line = g_py.frameLine(frame);
            if (lasti >= 0)
                slot = {found->code, lasti, line};
        }
    }
    if (owned)
        g_py.decRef(owned);
    if (gcWas)
        g_py.gcEnable();
    void *code = found ? found->code : nullptr;
    if (code == c.siteCode && line == c.siteLine)
        return false;
    c.siteCode = code;
    c.siteLine = line;
    out.code = reinterpret_cast<std::uint64_t>(code);
    out.line = line;
    out.path = nullptr;
    out.pathBytes = 0;
    if (found && !found->sent) {
        out.path = found->path;
        out.pathBytes = found->pathBytes;
        if (found != &scratch)
            found->sent = 1;
    }
    return true;
}

void pythonAfterFork()
{
    PyThreadCache &c = t_py;
    for (CodeEntry &e : c.entries)
        e.sent = 0;
    c.siteCode = nullptr;
    c.siteLine = 0;
    c.gilWaiting = 0;
    c.gilSignalled = 0;
}

// ---- the GIL -------------------------------------------------------------

void gilTimedWait(const void *cond, const void *mutex, std::int64_t relativeNs)
{
    const std::uint64_t c = reinterpret_cast<std::uint64_t>(cond);
    if (WEFT_UNLIKELY(g_gilCond == 0)) {
        // take_gil: a Python thread (it has a thread state) that does not hold
        // the GIL waits at most a switch interval. "Does not hold": PyGILState_Check
        // says 0. (The runtime's current thread state is global in 3.11: while
        // another thread holds the GIL it is that thread's, not null.)
        if (relativeNs <= 0 || relativeNs > 200LL * 1000 * 1000)
            return;
        if (g_py.thisThreadState() == nullptr || g_py.gilStateCheck() != 0)
            return;
        std::uint64_t expected = 0;
        if (!__atomic_compare_exchange_n(&g_gilCond, &expected, c, false, __ATOMIC_ACQ_REL,
                                         __ATOMIC_ACQUIRE))
            return;
        __atomic_store_n(&g_gilMutex, reinterpret_cast<std::uint64_t>(mutex), __ATOMIC_RELEASE);
        emit(RawKind::GilFound, c,
             static_cast<std::int64_t>(reinterpret_cast<std::uint64_t>(mutex)), relativeNs);
    }
    if (c != __atomic_load_n(&g_gilCond, __ATOMIC_RELAXED))
        return;
    PyThreadCache &p = t_py;
    if (!p.gilWaiting) {
        p.gilWaiting = 1;
        emit(RawKind::GilWait, c, 0, 0);
    }
}

void gilSignal(const void *cond)
{
    if (reinterpret_cast<std::uint64_t>(cond) == __atomic_load_n(&g_gilCond, __ATOMIC_RELAXED))
        t_py.gilSignalled = 1;
}

void gilMutexUnlock(const void *mutex)
{
    const std::uint64_t m = reinterpret_cast<std::uint64_t>(mutex);
    if (m == 0 || m != __atomic_load_n(&g_gilMutex, __ATOMIC_ACQUIRE))
        return;
    PyThreadCache &p = t_py;
    // drop_gil signals the cond before it unlocks; take_gil does not.
    emit(p.gilSignalled ? RawKind::GilDropped : RawKind::GilTaken, g_gilCond, 0, 0);
    p.gilSignalled = 0;
    p.gilWaiting = 0;
}

} // namespace weft::record::preload

using namespace weft::record::preload;
using weft::record::RawKind;

// Called by weft's Python probe: is this process being recorded? (It installs
// nothing otherwise.)
WEFT_EXPORT int weft_record_enabled()
{
    return g_enabled ? 1 : 0;
}

// Called by weft's Python probe with the GIL held: one of the Py* records
// (rawrecord.h), or with kind 0 only the thread's current Python line (before a
// call that lets go of the GIL, such as time.sleep).
WEFT_EXPORT void weft_record_python(int kind, std::uint64_t object, std::int64_t value,
                                    std::int64_t value2, const char *text, std::size_t textBytes)
{
    if (!active())
        return;
    if (kind == 0) {
        noteSite();
        return;
    }
    if (kind < int(RawKind::PyObject) || kind > int(RawKind::PyChannelGet))
        return;
    emit(RawKind(kind), object, value, value2, text, text ? textBytes : 0);
}

// Called by weft's Python probe (weft_probe.py, through ctypes) in each
// threading.Thread as it starts: the thread's Python name and daemon flag.
WEFT_EXPORT void weft_record_thread_info(const char *name, int daemon)
{
    if (!active() || !name)
        return;
    emit(RawKind::PyThread, static_cast<std::uint64_t>(pthread_self()), daemon ? 1 : 0, 0, name,
         strnlen(name, 200));
}
