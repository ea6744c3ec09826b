# SPDX-License-Identifier: MIT
"""weft's Python probe: `python3 weft_probe.py SCRIPT [ARGS...]` runs SCRIPT as
__main__ (as `python3 SCRIPT ARGS...` would: same argv, __file__, sys.path[0],
output and exit status). When the process is recorded by `weft record`, it
tells the recording library, before the script runs:

- each threading.Thread's name and daemon flag as the thread starts;
- each Lock, RLock, Condition, Semaphore, Event and queue.Queue made, with the
  Python name it is bound to (`counter_lock`, `self.lock`), read from the
  bytecode that stores the new object, else `Lock@0x...`;
- Condition waits and notifies (an Event's and a Semaphore's are theirs),
  Semaphore acquires and releases, the items put into and taken out of
  queues, and the text written to sys.stdout and sys.stderr, on the thread
  that does it;
- once the program imports multiprocessing: each multiprocessing Queue and
  Pipe made, and the messages put and sent into them and taken out, in every
  process (children started with "spawn" run this probe too), keyed by the
  pipe or socket they travel through so that weft pairs them across processes.

Lock acquires and releases are not touched (the library sees them as the
semaphores CPython makes them of): nothing is added on that hot path. Every
wrapper calls the original and returns what it returns; objects stay of their
own types. Without the library it only runs the script."""

import os
import runpy
import sys
import threading

# Record kinds (core/record/rawrecord.h, RawKind) and Python kinds (PyKind).
_OBJECT, _WAIT_BEGIN, _WAIT_END, _NOTIFY = 106, 107, 108, 109
_SEM_ACQUIRE, _SEM_RELEASE, _PUT, _GET, _WRITE = 110, 111, 112, 113, 114
_CHANNEL, _CHANNEL_PUT, _CHANNEL_GET = 115, 116, 117
_SITE = 0  # no record: only the thread's current line
_LOCK, _RLOCK, _CONDITION, _SEMAPHORE, _BOUNDED, _EVENT, _QUEUE = 1, 2, 3, 4, 5, 6, 7
_KIND_WORDS = {_LOCK: "Lock", _RLOCK: "RLock", _CONDITION: "Condition", _SEMAPHORE: "Semaphore",
               _BOUNDED: "BoundedSemaphore", _EVENT: "Event", _QUEUE: "Queue"}
_PREVIEW = 48  # characters of an item's repr sent with a put or get
_PROBE_FILE = os.path.abspath(__file__)


def _library():
    try:
        import ctypes
        # PyDLL: calls keep the GIL (no extra GIL hand-over on the recording).
        lib = ctypes.PyDLL(None)
        info = lib.weft_record_thread_info
        record = lib.weft_record_python
        enabled = lib.weft_record_enabled
    except (ImportError, OSError, AttributeError):
        return None
    info.argtypes = (ctypes.c_char_p, ctypes.c_int)
    info.restype = None
    record.argtypes = (ctypes.c_int, ctypes.c_uint64, ctypes.c_int64, ctypes.c_int64,
                       ctypes.c_char_p, ctypes.c_size_t)
    record.restype = None
    enabled.argtypes = ()
    enabled.restype = ctypes.c_int
    if not enabled():
        return None
    try:
        # The other end of a Unix socket, asked of the kernel with raw system
        # calls (a socket made here would be recorded as the program's).
        peer = lib.weft_unix_peer
        peer.argtypes = (ctypes.c_uint64,)
        peer.restype = ctypes.c_uint64
    except AttributeError:
        peer = None
    return ctypes, info, record, peer


def _install():
    found = _library()
    if found is None:
        return
    ctypes, info, record, peer = found
    _install_threads(info)
    report, wraps = _install_sync(ctypes, record)
    _install_multiprocessing(info, report, wraps, peer)
    _install_output(record)
    _install_sleep(record)
    _install_sockets(record)
    _install_excepthook()


# ---- threads ----------------------------------------------------------------

def _install_threads(info):
    def tell(thread):
        try:
            info(str(thread.name).encode("utf-8", "replace"), 1 if thread.daemon else 0)
        except Exception:
            pass

    original = threading.Thread._bootstrap_inner

    def _bootstrap_inner(self):
        tell(self)
        return original(self)

    threading.Thread._bootstrap_inner = _bootstrap_inner
    tell(threading.main_thread())


# ---- names ------------------------------------------------------------------

_STDLIB = os.path.dirname(threading.__file__) + os.sep
_STORES = {"STORE_NAME", "STORE_GLOBAL", "STORE_FAST", "STORE_DEREF"}
_LOADS = {"LOAD_NAME", "LOAD_GLOBAL", "LOAD_FAST", "LOAD_DEREF"}
_instructions = {}  # code object -> (offsets, instructions)
_names = {}  # (code object, offset of the call) -> the names stored to


def _in_library(code):
    path = code.co_filename
    # "<frozen …>", "<string>" (exec'd text such as site's .pth lines): not a file.
    return path.startswith(_STDLIB) or path.startswith("<") or path == _PROBE_FILE


def _stored_name(frame):
    """The name the object being made in `frame` is stored to: `x = Lock()`
    gives "x", `self.lock = Lock()` gives "self.lock"; anything else None."""
    names = _stored_names(frame)
    return names[0] if len(names) == 1 else None


def _store_target(following):
    """The name stored by the instructions at the start of `following`, and how
    many instructions that took; (None, 0) if they store nothing."""
    if following and following[0].opname in _STORES:
        return following[0].argval, 1
    if (len(following) > 1 and following[0].opname in _LOADS
            and following[1].opname == "STORE_ATTR"):
        return "%s.%s" % (following[0].argval, following[1].argval), 2
    return None, 0


def _stored_names(frame):
    """The names the value being made in `frame` is stored to, as a tuple:
    `x = Lock()` ("x",), `self.lock = Lock()` ("self.lock",), `a, b = Pipe()`
    ("a", "b"); () for anything else."""
    code = frame.f_code
    if _in_library(code):
        return ()
    key = (code, frame.f_lasti)
    try:
        return _names[key]
    except KeyError:
        pass
    names = ()
    try:
        import bisect
        import dis
        table = _instructions.get(code)
        if table is None:
            listed = list(dis.get_instructions(code))
            table = _instructions[code] = ([i.offset for i in listed], listed)
        offsets, listed = table
        # The instruction running: a CALL (f_lasti is on it, or on its last inline
        # cache entry when it called a Python function). Anything else (a factory
        # called from C, as defaultdict's) names nothing.
        at = bisect.bisect_right(offsets, frame.f_lasti)
        if at == 0 or not listed[at - 1].opname.startswith("CALL"):
            raise LookupError
        following = listed[at:at + 3]
        if following and following[0].opname == "COPY":  # a = b = Lock(): the first name
            following = following[1:]
        if following and following[0].opname == "UNPACK_SEQUENCE":
            # a, b = Pipe(): one store per value.
            count = following[0].argval
            following = listed[at + 1:at + 1 + 2 * count]
            unpacked = []
            while len(unpacked) < count:
                name, used = _store_target(following)
                if name is None:
                    raise LookupError
                unpacked.append(name)
                following = following[used:]
            names = tuple(unpacked)
        else:
            name, _ = _store_target(following)
            names = () if name is None else (name,)
    except Exception:
        names = ()
    _names[key] = names
    return names


def _fallback(kind, obj):
    word = type(obj).__name__ if kind == _QUEUE else _KIND_WORDS[kind]
    return "%s@%#x" % (word, id(obj))


# ---- locks, conditions, semaphores, events, queues --------------------------

def _install_sync(ctypes, record):
    def report(kind, key, value=0, value2=0, text=None):
        try:
            if text is None:
                record(kind, key, value, value2, None, 0)
            else:
                data = text.encode("utf-8", "replace")[:512]
                record(kind, key, value, value2, data, len(data))
        except Exception:
            pass

    pointer = ctypes.sizeof(ctypes.c_void_p)

    def lock_key(lock):
        # The sem_t behind a _thread.lock or _thread.RLock: the pointer right
        # after the object header (CPython 3.11's lockobject and rlockobject).
        try:
            if sys.version_info >= (3, 13) or type(lock).__module__ != "_thread":
                return 0
            return ctypes.c_void_p.from_address(id(lock) + 2 * pointer).value or 0
        except Exception:
            return 0

    def declare(kind, obj, name, owner=0, count=0):
        """Tells the library about `obj`: kind, name, and the object whose part
        it is (0: none). A lock by its sem_t, the others by their id()."""
        key = lock_key(obj) if kind in (_LOCK, _RLOCK) else id(obj)
        if key:
            report(_OBJECT, key, kind | (count << 8), owner, name)

    def declare_parts(owner, name):
        # An Event's or a Semaphore's condition and lock are its own: shown as it.
        cond = owner._cond
        declare(_CONDITION, cond, name, id(owner))
        declare(_LOCK, cond._lock, name, id(owner))

    # Objects made inside these are declared, with their names, by the wrapper
    # of the one that makes them.
    makers = set()

    def made_by_owner(frame):
        return frame.f_code in makers

    original_lock = threading.Lock
    original_rlock = threading.RLock

    def Lock():
        lock = original_lock()
        frame = sys._getframe(1)
        if not made_by_owner(frame):
            declare(_LOCK, lock, _stored_name(frame) or _fallback(_LOCK, lock))
        return lock

    def RLock(*args, **kwargs):
        lock = original_rlock(*args, **kwargs)
        frame = sys._getframe(1)
        if not made_by_owner(frame):
            declare(_RLOCK, lock, _stored_name(frame) or _fallback(_RLOCK, lock))
        return lock

    for name, replacement, original in (("Lock", Lock, original_lock),
                                         ("RLock", RLock, original_rlock)):
        replacement.__doc__ = getattr(original, "__doc__", None)
        setattr(threading, name, replacement)

    def wraps(original, wrapper):
        for attribute in ("__module__", "__name__", "__qualname__", "__doc__"):
            try:
                setattr(wrapper, attribute, getattr(original, attribute))
            except (AttributeError, TypeError):
                pass
        wrapper.__wrapped__ = original
        wrapper._weft = True
        return wrapper

    # Condition: made, waited on, notified.
    condition_init = threading.Condition.__init__
    condition_wait = threading.Condition.wait
    condition_notify = threading.Condition.notify
    makers.add(condition_init.__code__)

    def cond_init(self, lock=None):
        condition_init(self, lock)
        frame = sys._getframe(1)
        if made_by_owner(frame):
            return
        named = _stored_name(frame)
        name = named or _fallback(_CONDITION, self)
        declare(_CONDITION, self, name)
        if lock is None:
            # The RLock it made for itself, by the attribute that holds it.
            declare(_RLOCK, self._lock, name + "._lock" if named else _fallback(_RLOCK, self._lock))

    def cond_wait(self, timeout=None):
        report(_WAIT_BEGIN, id(self))
        woken = False
        try:
            woken = condition_wait(self, timeout)
        finally:
            report(_WAIT_END, id(self), 1 if woken else 0)
        return woken

    def cond_notify(self, n=1):
        try:
            woken = min(n, len(self._waiters))
        except Exception:
            woken = 0
        # Before the waiters are let go: each wakes after this record.
        report(_NOTIFY, id(self), woken)
        return condition_notify(self, n)

    threading.Condition.__init__ = wraps(condition_init, cond_init)
    threading.Condition.wait = wraps(condition_wait, cond_wait)
    threading.Condition.notify = wraps(condition_notify, cond_notify)

    # Event: its wait and set are its condition's.
    event_init = threading.Event.__init__
    makers.add(event_init.__code__)

    def ev_init(self):
        event_init(self)
        frame = sys._getframe(1)
        if made_by_owner(frame):
            return
        name = _stored_name(frame) or _fallback(_EVENT, self)
        declare(_EVENT, self, name)
        declare_parts(self, name)

    threading.Event.__init__ = wraps(event_init, ev_init)

    # Semaphore and BoundedSemaphore: acquired and released as themselves;
    # their condition's waits are waits for them.
    semaphore_init = threading.Semaphore.__init__
    semaphore_acquire = threading.Semaphore.acquire
    semaphore_release = threading.Semaphore.release
    bounded_init = threading.BoundedSemaphore.__init__
    bounded_release = threading.BoundedSemaphore.release
    makers.update((semaphore_init.__code__, bounded_init.__code__))

    def init_with(original, kind):
        def init(self, value=1):
            original(self, value)
            frame = sys._getframe(1)
            if made_by_owner(frame):
                return
            name = _stored_name(frame) or _fallback(kind, self)
            declare(kind, self, name, 0, max(0, min(int(value), 1 << 40)))
            declare_parts(self, name)
        return wraps(original, init)

    def sem_acquire(self, blocking=True, timeout=None):
        got = semaphore_acquire(self, blocking, timeout)
        report(_SEM_ACQUIRE, id(self), 1 if got else 0)
        return got

    def release_with(original):
        def release(self, n=1):
            # Before the release: the thread it wakes acquires after this record.
            report(_SEM_RELEASE, id(self), n if type(n) is int else 1)
            return original(self, n)
        return wraps(original, release)

    threading.Semaphore.__init__ = init_with(semaphore_init, _SEMAPHORE)
    threading.Semaphore.acquire = wraps(semaphore_acquire, sem_acquire)
    threading.Semaphore.__enter__ = threading.Semaphore.acquire
    threading.Semaphore.release = release_with(semaphore_release)
    threading.BoundedSemaphore.__init__ = init_with(bounded_init, _BOUNDED)
    threading.BoundedSemaphore.release = release_with(bounded_release)

    # Thread: the Event its start() waits on, by the thread's name.
    thread_init = threading.Thread.__init__
    makers.add(thread_init.__code__)

    def th_init(self, *args, **kwargs):
        thread_init(self, *args, **kwargs)
        started = getattr(self, "_started", None)
        if isinstance(started, threading.Event):
            name = "%s._started" % self._name
            declare(_EVENT, started, name)
            declare_parts(started, name)

    threading.Thread.__init__ = wraps(thread_init, th_init)

    _install_queues(report, declare, wraps, makers)
    return report, wraps


def _preview(item):
    """A short text for an item, made without running the program's code: the
    repr of built-in values, else the type and address, as object.__repr__."""
    kind = type(item)
    if kind in (int, float, bool, type(None), complex):
        return repr(item)[:_PREVIEW]
    if kind in (str, bytes):
        return repr(item[:_PREVIEW])[:_PREVIEW]
    if kind in (tuple, list) and len(item) <= 8:
        parts = [_preview(part) for part in item]
        opening, closing = ("(", ")") if kind is tuple else ("[", "]")
        if kind is tuple and len(parts) == 1:
            closing = ",)"
        return (opening + ", ".join(parts) + closing)[:_PREVIEW]
    return "<%s object at %#x>" % (kind.__name__, id(item))


def _install_queues(report, declare, wraps, makers):
    import queue

    def size(item):
        if type(item).__module__ == "builtins":
            try:
                return sys.getsizeof(item)
            except Exception:
                return 0
        return 0

    def wrap_put(original):
        def _put(self, item):
            original(self, item)
            report(_PUT, id(self), size(item), 0, _preview(item))
        return wraps(original, _put)

    def wrap_get(original):
        def _get(self):
            item = original(self)
            report(_GET, id(self), size(item), 0, _preview(item))
            return item
        return wraps(original, _get)

    def wrap_class(cls):
        # Each class that defines its own _put/_get (a program's subclass too,
        # when its first queue is made): the item enters and leaves under the
        # queue's mutex, so the records keep the queue's order.
        put = cls.__dict__.get("_put")
        if put is not None and not getattr(put, "_weft", False):
            cls._put = wrap_put(put)
        get = cls.__dict__.get("_get")
        if get is not None and not getattr(get, "_weft", False):
            cls._get = wrap_get(get)

    for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
        wrap_class(cls)

    queue_init = queue.Queue.__init__
    makers.add(queue_init.__code__)

    def q_init(self, maxsize=0):
        queue_init(self, maxsize)
        for cls in type(self).__mro__:
            if cls is queue.Queue:
                break
            wrap_class(cls)
        name = _stored_name(sys._getframe(1)) or _fallback(_QUEUE, self)
        bound = maxsize if type(maxsize) is int and 0 < maxsize < (1 << 40) else 0
        declare(_QUEUE, self, name, 0, bound)
        # Its lock and conditions by the attributes that hold them.
        mutex = getattr(self, "mutex", None)
        if mutex is not None:
            declare(_LOCK, mutex, name + ".mutex")
        for part in ("not_empty", "not_full", "all_tasks_done"):
            cond = getattr(self, part, None)
            if isinstance(cond, threading.Condition):
                declare(_CONDITION, cond, "%s.%s" % (name, part))

    queue.Queue.__init__ = wraps(queue_init, q_init)


# ---- multiprocessing -----------------------------------------------------------

class _HookedLoader:
    """A module's own loader that runs a function on the module once it is loaded."""

    def __init__(self, loader, hook):
        self._loader = loader
        self._hook = hook

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        try:
            self._hook(module)
        except Exception:
            pass

    def __getattr__(self, name):
        return getattr(self._loader, name)


class _AfterImport:
    """Runs a function on a standard module when the program first imports it:
    importing multiprocessing here would change what the program does."""

    def __init__(self, hooks):
        self._hooks = hooks

    def find_spec(self, name, path=None, target=None):
        hook = self._hooks.pop(name, None)
        if hook is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _HookedLoader(spec.loader, hook)
                return spec
        return None


def _program_frame(frame):
    """The nearest frame of the program's own code, from `frame` outwards."""
    while frame is not None and _in_library(frame.f_code):
        frame = frame.f_back
    return frame


def _install_multiprocessing(info, report, wraps, unix_peer):
    def inode(connection):
        try:
            return os.fstat(connection.fileno()).st_ino
        except Exception:
            return 0

    declared = set()  # the ends this process (or the parent it forked from) declared

    def is_socket(connection):
        import stat
        try:
            return stat.S_ISSOCK(os.fstat(connection.fileno()).st_mode)
        except Exception:
            return False

    def process_name():
        module = sys.modules.get("multiprocessing.process")
        try:
            return module.current_process().name
        except Exception:
            return "pid %d" % os.getpid()

    def key_of(connection):
        # The end's inode, the same in every process that holds it (a spawned
        # child gets a duplicate of the descriptor): asked once per object.
        try:
            return connection._weft_key
        except AttributeError:
            pass
        key = connection._weft_key = inode(connection)
        if key and key not in declared:
            # A socket weft did not see made (a Manager's connection, or a
            # Pipe end a spawned child got): its other end, from the kernel.
            declared.add(key)
            if is_socket(connection):
                peer = unix_peer(key) if unix_peer is not None else 0
                report(_CHANNEL, key, peer, 1, process_name())
        return key

    def size(item):
        # The bytes a program sends through a Pipe are what it means by a
        # message's size; other built-in values are counted as in a queue.Queue.
        try:
            if type(item) in (bytes, bytearray):
                return len(item)
            return sys.getsizeof(item) if type(item).__module__ == "builtins" else 0
        except Exception:
            return 0

    def names_of(frame, count):
        frame = _program_frame(frame)
        names = _stored_names(frame) if frame is not None else ()
        return names if len(names) == count else None

    def patch_connection(module):
        original_pipe = module.Pipe

        def Pipe(duplex=True):
            ends = original_pipe(duplex)
            # A Pipe the program made (a Queue's own is declared as the queue).
            caller = sys._getframe(1)
            while caller is not None and caller.f_code.co_filename.endswith(
                    os.sep + "multiprocessing" + os.sep + "context.py"):
                caller = caller.f_back
            if caller is not None and not _in_library(caller.f_code):
                first, second = inode(ends[0]), inode(ends[1])
                declared.update((first, second))
                names = names_of(caller, 2) or ("Pipe@%#x" % id(ends[0]),
                                                 "Pipe@%#x" % id(ends[1]))
                if first and second:
                    report(_CHANNEL, first, second, 0, "\n".join(names))
            return ends

        module.Pipe = wraps(original_pipe, Pipe)
        base = module._ConnectionBase
        send, recv = base.send, base.recv

        # A message is reported as it is sent, before the call: the other
        # process may take it out before this one returns.
        def c_send(self, obj):
            report(_CHANNEL_PUT, key_of(self), size(obj), 0, _preview(obj))
            return send(self, obj)

        def c_recv(self):
            obj = recv(self)
            report(_CHANNEL_GET, key_of(self), size(obj), 0, _preview(obj))
            return obj

        base.send = wraps(send, c_send)
        base.recv = wraps(recv, c_recv)

    def patch_queues(module):
        queue_init = module.Queue.__init__

        def q_init(self, *args, **kwargs):
            queue_init(self, *args, **kwargs)
            key = key_of(self._reader)
            declared.add(key)
            if key:
                names = names_of(sys._getframe(1), 1)
                name = names[0] if names else "%s@%#x" % (type(self).__name__, id(self))
                report(_CHANNEL, key, key, 0, name)

        module.Queue.__init__ = wraps(queue_init, q_init)
        # JoinableQueue has a put of its own; SimpleQueue is not a Queue.
        for cls in (module.Queue, module.JoinableQueue, module.SimpleQueue):
            put = cls.__dict__.get("put")
            if put is not None:
                # As a send: before the call, unless a timeout may refuse it.
                def q_put(self, obj, *args, _put=put, **kwargs):
                    block = kwargs.get("block", args[0] if args else True)
                    timeout = kwargs.get("timeout", args[1] if len(args) > 1 else None)
                    certain = block and timeout is None
                    if certain:
                        report(_CHANNEL_PUT, key_of(self._reader), size(obj), 0, _preview(obj))
                    result = _put(self, obj, *args, **kwargs)
                    if not certain:
                        report(_CHANNEL_PUT, key_of(self._reader), size(obj), 0, _preview(obj))
                    return result
                cls.put = wraps(put, q_put)
            get = cls.__dict__.get("get")
            if get is not None:
                def q_get(self, *args, _get=get, **kwargs):
                    obj = _get(self, *args, **kwargs)
                    report(_CHANNEL_GET, key_of(self._reader), size(obj), 0, _preview(obj))
                    return obj
                cls.get = wraps(get, q_get)
        simple_init = module.SimpleQueue.__init__

        def sq_init(self, *args, **kwargs):
            simple_init(self, *args, **kwargs)
            key = key_of(self._reader)
            declared.add(key)
            if key:
                names = names_of(sys._getframe(1), 1)
                report(_CHANNEL, key, key, 0,
                       names[0] if names else "SimpleQueue@%#x" % id(self))

        module.SimpleQueue.__init__ = wraps(simple_init, sq_init)

    def patch_spawn(module):
        # A child started with "spawn" is a new interpreter: it runs this probe
        # first (without the script: the child imports that itself).
        original = module.get_command_line
        directory = os.path.dirname(_PROBE_FILE)

        def get_command_line(**kwds):
            line = original(**kwds)
            try:
                at = line.index("-c") + 1
                line[at] = ("import sys; sys.path.insert(0, %r); import weft_probe; "
                            "del sys.path[0]; weft_probe._install(); %s" % (directory, line[at]))
            except (ValueError, TypeError):
                pass
            return line

        module.get_command_line = wraps(original, get_command_line)

    def patch_process(module):
        # A child's main thread's lane is named after its Process (name=...,
        # else "Process-1"), told as the child starts running its target.
        original = module.BaseProcess._bootstrap

        def _bootstrap(self, *args, **kwargs):
            try:
                info(str(self.name).encode("utf-8", "replace"), 0)
            except Exception:
                pass
            return original(self, *args, **kwargs)

        module.BaseProcess._bootstrap = wraps(original, _bootstrap)

    hooks = {"multiprocessing.process": patch_process,
             "multiprocessing.connection": patch_connection,
             "multiprocessing.queues": patch_queues,
             "multiprocessing.spawn": patch_spawn}
    for name in list(hooks):
        if name in sys.modules:
            try:
                hooks.pop(name)(sys.modules[name])
            except Exception:
                pass
    if hooks:
        sys.meta_path.insert(0, _AfterImport(hooks))


# ---- output and sleeps --------------------------------------------------------

def _install_output(record):
    # What the program writes to sys.stdout and sys.stderr, on the thread that
    # writes it (a pipe's buffer is written out later, by whichever thread
    # flushes it). The bytes are counted so that weft does not show them twice.
    for stream in (sys.stdout, sys.stderr):
        try:
            fd = stream.fileno()
            original = stream.write
            encoding = stream.encoding or "utf-8"
            errors = stream.errors or "strict"
        except Exception:
            continue
        utf8 = encoding.replace("_", "-").lower() in ("utf-8", "utf8")

        def write(text, _original=original, _fd=fd, _encoding=encoding, _errors=errors,
                  _utf8=utf8):
            try:
                data = text.encode(_encoding, _errors)
                shown = data if _utf8 else text.encode("utf-8", "replace")
                record(_WRITE, _fd, len(data), 0, shown[:512], min(len(shown), 512))
            except Exception:
                pass
            return _original(text)

        try:
            stream.write = write
        except (AttributeError, TypeError):
            pass


def _install_sleep(record):
    import time
    original = time.sleep

    def sleep(seconds):
        # The line of the sleep: CPython lets go of the GIL before it sleeps.
        try:
            record(_SITE, 0, 0, 0, None, 0)
        except Exception:
            pass
        return original(seconds)

    sleep.__doc__ = original.__doc__
    time.sleep = sleep


# ---- sockets -----------------------------------------------------------------

# The socket calls that reach the kernel (the constructor, accept and close are
# socket.py's own; the others _socket's).
_SOCKET_CALLS = ("__init__", "bind", "listen", "accept", "connect", "connect_ex", "send",
                 "sendall", "sendto", "recv", "recv_into", "recvfrom", "recvfrom_into",
                 "shutdown", "close")


def _install_sockets(record):
    # CPython lets go of the GIL around each socket call, so the library cannot
    # read the line then: it is told the line first, as for time.sleep.
    import socket

    def noting(original):
        def call(self, *args, **kwargs):
            try:
                record(_SITE, 0, 0, 0, None, 0)
            except Exception:
                pass
            return original(self, *args, **kwargs)
        for attribute in ("__module__", "__name__", "__qualname__", "__doc__"):
            try:
                setattr(call, attribute, getattr(original, attribute))
            except (AttributeError, TypeError):
                pass
        call.__wrapped__ = original
        return call

    for name in _SOCKET_CALLS:
        original = getattr(socket.socket, name, None)
        if original is not None:
            try:
                setattr(socket.socket, name, noting(original))
            except (AttributeError, TypeError):
                pass


# ---- tracebacks ---------------------------------------------------------------

def _without_probe(tb):
    """The traceback without this file's frames (the wrappers above)."""
    first = None
    last = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename != _PROBE_FILE:
            if last is None:
                first = tb
            else:
                last.tb_next = tb
            last = tb
        tb = tb.tb_next
    if last is not None:
        last.tb_next = None
    return first


def _clean(error, seen=None):
    seen = set() if seen is None else seen
    if error is None or id(error) in seen:
        return
    seen.add(id(error))
    try:
        error.__traceback__ = _without_probe(error.__traceback__)
    except Exception:
        pass
    _clean(error.__cause__, seen)
    _clean(error.__context__, seen)


def _install_excepthook():
    original = threading.excepthook

    def excepthook(args):
        _clean(args.exc_value)
        return original(args)

    excepthook.__doc__ = original.__doc__
    threading.excepthook = excepthook


def _main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: python3 weft_probe.py SCRIPT [ARGS...]\n")
        return 2
    del sys.argv[0]
    _install()
    if sys.argv[0] == "-m" and len(sys.argv) > 1:
        del sys.argv[0]
        sys.path[0] = os.getcwd()
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
        return 0
    script = os.path.abspath(sys.argv[0])
    sys.path[0] = os.path.dirname(script)
    try:
        runpy.run_path(script, run_name="__main__")
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as error:
        # The traceback python3 would print: from the script's frame on, not ours.
        tb = error.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != script:
            tb = tb.tb_next
        if tb is not None:
            error.__traceback__ = tb
        _clean(error)
        sys.excepthook(type(error), error, error.__traceback__)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main())
