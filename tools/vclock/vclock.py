#!/usr/bin/env python3
"""vclock: run a loopscope scene under real CPython 3.11 in VIRTUAL time.

Usage:
    python3 tools/vclock/vclock.py SCENE.py            # print what `python3 SCENE.py` prints
    python3 tools/vclock/vclock.py --golden SCENE.py   # print the golden form (below)
    python3 tools/vclock/vclock.py --update DIR        # rewrite DIR/*.out from DIR/*.py
    python3 tools/vclock/vclock.py --check DIR         # compare; exit 1 on any mismatch
    python3 tools/vclock/vclock.py --real DIR [SECS]   # run scenes ending by SECS (2.5) under
                                                       # plain python3, compare printed text
    python3 tools/vclock/vclock.py --wall-clock WHEN ...  # start the wall clock at WHEN

The scene runs unchanged, as __main__, with sys.argv[0] the scene path. Only the
clock and the thread scheduling are replaced. The Go engine implements exactly
the rules below; when they change, change both.

THE VIRTUAL CLOCK
  * One clock, `now`, a float starting at 0.0. It moves only when no thread can
    run (see SCHEDULING). Computation costs no time.
  * time.monotonic(), time.perf_counter() (and the _ns forms) read `now`.
    loop.time() reads `now`.
  * The wall clock is `start + now`: time.time() is that float addition,
    time.time_ns() is start_ns + int(now * 1e9). `start` is the real time
    when the run starts, or --wall-clock WHEN (RFC 3339 like
    2026-12-07T17:13:52Z, or Unix seconds), or the environment variable
    VCLOCK_WALL_CLOCK. --golden (and so --update and --check) fixes it at
    CORPUS_WALL_CLOCK (2026-12-07T17:13:52Z) in TZ=UTC unless --wall-clock
    is given. time.localtime(), gmtime(), ctime(), asctime() and strftime()
    without a time read the wall clock; datetime runs as its pure-Python
    classes (see _install_datetime), whose date.today(), datetime.now(),
    today() and utcnow() read time.time(); logging's records read
    time.time() too. The local time zone is the process's (TZ).
  * time.sleep(s) blocks the calling thread until now + s (float addition).
    A negative s raises ValueError as CPython does. time.sleep(0) is still a
    blocking point (the thread goes to the back of the runnable queue).
  * os.cpu_count() is 4, so the default executor has min(32, 4 + 4) = 8
    workers.
  * The event loop is a subclass of asyncio.SelectorEventLoop, installed with
    an event loop policy, so asyncio.run, asyncio.Runner and new_event_loop all
    get it. Its selector's select(timeout) is a blocking point with deadline
    now + timeout (timeout None: no deadline; the loop wakes only when another
    thread calls call_soon_threadsafe, i.e. writes to the loop's self-pipe).
    If the self-pipe was written while the loop was not selecting, select
    behaves as select(0). After waking, the real selector is polled with
    timeout 0 to collect the ready events (the self-pipe).
    loop._clock_resolution keeps CPython's value (time.get_clock_info
    ('monotonic').resolution, 1e-09 on Linux): _run_once fires every timer
    with when < now + resolution.
  * Timers due at the same instant fire in the order they were created:
    asyncio's TimerHandle is replaced by a subclass that orders by
    (when, seq), seq being a creation counter (CPython alone compares `when`
    only, which on a real clock never ties).

SCHEDULING (a baton on top of the GIL)
  * Exactly one Python thread runs at a time. A thread keeps the baton until
    it blocks. Blocking points: time.sleep; acquiring a held lock (and so
    every wait built on locks: Condition, Event, Semaphore, queue.Queue,
    queue.SimpleQueue.get which ThreadPoolExecutor workers block in,
    concurrent.futures Future.result()/exception(), wait(), as_completed());
    Thread.join and everything built on it (executor shutdown(wait=True));
    the event loop's select(timeout), even with timeout 0. A lock acquire
    that finds the lock free, or a non-blocking / timeout-0 try, is not a
    blocking point.
  * Every thread that becomes runnable takes the next number of one global
    sequence; the runnable thread with the smallest number runs next (FIFO).
    A thread becomes runnable when: it is created (Thread.start; the creating
    thread keeps the baton), the thing it waits for happens (lock released
    to it, notify, the thread it joins ends, the loop's self-pipe written),
    or its deadline is reached. A block whose deadline is <= now (timeout 0)
    makes the thread runnable at once, behind the threads already runnable.
  * When the running thread blocks and no thread is runnable, the clock jumps
    to the earliest deadline; every thread whose deadline is now reached
    becomes runnable, in (deadline, order of blocking). If no thread is
    runnable and none has a deadline, it is a deadlock.
  * A woken thread re-checks what it waited for (a lock released to it may
    have been taken again by the releasing thread, which kept running).
  * Lock release wakes the first waiter (FIFO); Condition.notify wakes the
    first waiters (threading.Condition is CPython's own, built on the
    cooperative lock).
  * Threads created anywhere (threading.Thread, ThreadPoolExecutor workers,
    asyncio's shutdown_default_executor thread) are scheduled from their first
    instruction.
    That includes anyio's worker threads, which FastAPI uses for plain `def`
    endpoints and dependencies (run_in_threadpool -> anyio.to_thread.run_sync):
    a WorkerThread is a threading.Thread that waits in queue.Queue.get (built
    on the cooperative lock), and hands its result back with
    loop.call_soon_threadsafe (the self-pipe). FastAPI scenes need the Python
    that has FastAPI (Debian's /usr/bin/python3 with python3-fastapi,
    python3-httpx), e.g. /usr/bin/python3 tools/vclock/vclock.py --golden
    scenes/asyncio/testdata/fastapi/sync_endpoint.py.
  * At the end (after the scene's main code, or its uncaught exception is
    printed) the main thread does what CPython's threading._shutdown does:
    runs the threading atexit hooks (concurrent.futures joins its workers)
    and joins every non-daemon thread, all under the scheduler.

SOCKETS (asyncio streams over real loopback sockets)
  * select(timeout) first polls the real selector with timeout 0, repeatedly
    with 0.2 ms of real sleep between polls until two polls agree (loopback
    delivery is quick but not always done when send() returns). If sockets
    are ready, select behaves as select(0) (a blocking point at `now`) and
    returns those events, in the real epoll's order; the clock moves only
    when none is ready.
  * Ports: a port the scene binds is really bound as port 0 and mapped;
    connect() to a mapped port goes to its real port, to any other port to a
    port that refuses (ECONNREFUSED); getsockname()/getpeername() answer the
    scene's port. So scenes use fixed ports and still run in parallel.

OUTPUT
  Default: the scene's stdout and stderr unchanged (an uncaught exception's
  traceback as CPython prints it), exit status the scene's.
  --golden: one line per stdout line, `%.6f|text` with the virtual time when
  the line's newline was written; a final partial line the same way followed
  by `=noeol`; then `=error <last line of the exception>` if the scene ended
  with an uncaught exception; then `=deadlock` or `=budget`; always last
  `=exit N`. stderr still passes through.
  Deadlock: `deadlock: ...` on stderr, exit 3. Budget: 100000 s of virtual
  time or 60 s of real time, `budget: ...` on stderr, exit 3.
"""

import os
import sys

VIRTUAL_BUDGET = 100000.0
CORPUS_WALL_CLOCK = "2026-12-07T17:13:52Z"  # the Go tests' corpus start (conformance_test.go)
REAL_BUDGET = float(os.environ.get("VCLOCK_REAL_BUDGET", "60"))  # the env var is for selftest.py
CPU_COUNT = 4


# --------------------------------------------------------------------------
# The scheduler. Everything here runs with real primitives captured before
# any patching.

import _thread
import collections
import heapq
import threading
import time as _time_mod
import traceback

_real_lock = _thread.allocate_lock
_real_start_new_thread = _thread.start_new_thread
_real_get_ident = _thread.get_ident
_real_monotonic = _time_mod.monotonic
_real_sleep = _time_mod.sleep

RUNNING, RUNNABLE, BLOCKED, FINISHED = "running", "runnable", "blocked", "finished"


class _ThreadRec:
    __slots__ = ("name", "ident", "baton", "state", "deadline", "block_seq",
                 "wake_reason", "what", "joiners", "thread", "daemon")

    def __init__(self, name):
        self.name = name
        self.ident = None
        self.baton = _real_lock()
        self.baton.acquire()  # held: the thread waits on it for its turn
        self.state = RUNNABLE
        self.deadline = None
        self.block_seq = 0
        self.wake_reason = None
        self.what = ""
        self.joiners = []
        self.thread = None
        self.daemon = False

    def label(self):
        if self.thread is not None:
            return self.thread.name
        return self.name


class _Stop(BaseException):
    pass


class Scheduler:
    def __init__(self):
        self.now = 0.0
        self.by_ident = {}
        self.recs = []
        self.runnable = collections.deque()
        self.timed = []  # heap of (deadline, block_seq, rec)
        self.seq = 0
        self.finish = None  # set by the runner: finish(status, trailer, message)
        self.scene_path = None  # set by the runner: the scene's absolute path
        main = _ThreadRec("MainThread")
        main.ident = _real_get_ident()
        main.state = RUNNING
        main.thread = threading.main_thread()
        self.main = main
        self.by_ident[main.ident] = main
        self.recs.append(main)

    def current(self):
        rec = self.by_ident.get(_real_get_ident())
        if rec is None:
            raise RuntimeError("vclock: a thread the scheduler does not know used a blocking call")
        return rec

    def _next_seq(self):
        self.seq += 1
        return self.seq

    def _make_runnable(self, rec, reason):
        rec.state = RUNNABLE
        rec.wake_reason = reason
        self.runnable.append(rec)

    def wake(self, rec):
        """The thing rec waits for happened; it becomes runnable (FIFO)."""
        if rec.state == BLOCKED:
            self._make_runnable(rec, "signal")

    def block(self, deadline, what):
        """Block the calling thread until woken or deadline (None: no deadline).

        The caller has registered itself wherever a waker will find it.
        Returns "signal" or "timeout".
        """
        me = self.current()
        me.state = BLOCKED
        me.what = what
        me.block_seq = self._next_seq()
        me.deadline = deadline
        if deadline is not None:
            if deadline <= self.now:
                self._make_runnable(me, "timeout")
            else:
                heapq.heappush(self.timed, (deadline, me.block_seq, me))
        self._switch(me)
        return me.wake_reason

    def _pick(self):
        while True:
            if self.runnable:
                return self.runnable.popleft()
            while self.timed:
                d, bseq, rec = self.timed[0]
                if rec.state == BLOCKED and rec.block_seq == bseq:
                    break
                heapq.heappop(self.timed)
            if not self.timed:
                self._deadlock()
            d = self.timed[0][0]
            if d > VIRTUAL_BUDGET:
                self.finish_now(3, "=budget",
                                "budget: virtual time would pass %g s (next deadline %.6f)" % (VIRTUAL_BUDGET, d))
            if d > self.now:
                self.now = d
            while self.timed and self.timed[0][0] <= self.now:
                _, bseq, rec = heapq.heappop(self.timed)
                if rec.state == BLOCKED and rec.block_seq == bseq:
                    self._make_runnable(rec, "timeout")

    def _switch(self, me):
        nxt = self._pick()
        nxt.state = RUNNING
        if nxt is me:
            return
        nxt.baton.release()
        if me.state != FINISHED:
            me.baton.acquire()

    def _scene_line(self, rec, frames):
        """The scene line where rec is blocked, e.g. ' (line 19)'."""
        f = frames.get(rec.ident)
        while f is not None:
            if f.f_code.co_filename == self.scene_path:
                return " (line %d)" % f.f_lineno
            f = f.f_back
        return ""

    def _deadlock(self):
        parts = []
        frames = sys._current_frames()
        for rec in self.recs:
            if rec.state == BLOCKED:
                parts.append("%s waits on %s%s" % (rec.label(), rec.what, self._scene_line(rec, frames)))
        parts.extend(self._pending_tasks())
        self.finish_now(3, "=deadlock",
                        "deadlock: at %.6f no thread can run and none has a deadline: %s" % (self.now, "; ".join(parts)))

    def _pending_tasks(self):
        """'task Task-2 waits at line 9' for every pending task of open loops."""
        out = []
        asyncio = sys.modules.get("asyncio")
        for loop in list(_LOOPS):
            if asyncio is None or loop.is_closed():
                continue
            for t in sorted(asyncio.all_tasks(loop), key=lambda t: t.get_name()):
                line = ""
                c = t.get_coro()
                while c is not None:
                    fr = getattr(c, "cr_frame", None)
                    if fr is not None and fr.f_code.co_filename == self.scene_path:
                        line = " at line %d" % fr.f_lineno
                    c = getattr(c, "cr_await", None)
                out.append("task %s waits%s" % (t.get_name(), line))
        return out

    def finish_now(self, status, trailer, message):
        self.finish(status, trailer, message)
        os._exit(status)  # not reached: finish exits

    def spawn(self, fn, name, thread=None):
        rec = _ThreadRec(name)
        rec.thread = thread
        if thread is not None:
            rec.daemon = thread.daemon

        def runner():
            rec.baton.acquire()
            try:
                fn()
            finally:
                self._exit(rec)

        self.recs.append(rec)
        ident = _real_start_new_thread(runner, ())
        rec.ident = ident
        self.by_ident[ident] = rec
        self._make_runnable(rec, "start")
        return rec

    def _exit(self, rec):
        rec.state = FINISHED
        for j in rec.joiners:
            self.wake(j)
        rec.joiners = []
        self._switch(rec)

    def wait_finished(self, rec, timeout):
        """Cooperative Thread.join: True once rec has finished."""
        deadline = None if timeout is None or timeout < 0 else self.now + timeout
        me = self.current()
        while rec.state != FINISHED:
            if deadline is not None and self.now >= deadline:
                return False
            rec.joiners.append(me)
            self.block(deadline, "join(%s)" % rec.label())
            if me in rec.joiners:
                rec.joiners.remove(me)
        return True

    def sleep(self, seconds):
        self.block(self.now + seconds, "time.sleep(%r)" % (seconds,))


SCHED = None
_LOOPS = []  # every VirtualEventLoop made, for the deadlock report


# --------------------------------------------------------------------------
# Cooperative primitives.

class VLock:
    """A cooperative replacement for _thread.lock (threading.Lock)."""

    __slots__ = ("_locked", "_waiters", "__weakref__")

    def __init__(self):
        self._locked = False
        self._waiters = collections.deque()

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if not self._locked:
            self._locked = True
            return True
        if not blocking or timeout == 0:
            return False
        s = SCHED
        deadline = None if timeout == -1 else s.now + timeout
        me = s.current()
        # The waiter keeps its place in the FIFO until it gets the lock or
        # times out, even if a woken waiter finds the lock taken again.
        self._waiters.append(me)
        try:
            while True:
                s.block(deadline, "a lock")
                if not self._locked:
                    self._locked = True
                    return True
                if deadline is not None and s.now >= deadline:
                    return False
        finally:
            self._waiters.remove(me)

    acquire_lock = acquire

    def __enter__(self):
        return self.acquire()

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        if self._waiters:
            SCHED.wake(self._waiters[0])

    release_lock = release

    def __exit__(self, *exc):
        self.release()

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters.clear()

    def __repr__(self):
        return "<%s vclock.VLock object>" % ("locked" if self._locked else "unlocked")


def _v_time():
    return SCHED.now


def _v_time_ns():
    return int(SCHED.now * 1e9)


WALL_START = None     # the wall clock's start, seconds since the epoch (float)
WALL_START_NS = None  # the same in integer nanoseconds


def parse_wall_clock(text):
    """(seconds, nanoseconds) of an RFC 3339 time or of Unix seconds."""
    import decimal
    try:
        d = decimal.Decimal(text)
    except decimal.InvalidOperation:
        # By hand: importing datetime here would load its C classes,
        # which the patched clock must keep out.
        import re
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?"
                         r"(?:([Zz])|([+-])(\d\d):(\d\d))", text.strip())
        if m is None:
            raise SystemExit("vclock: --wall-clock wants a time like 2026-12-07T17:13:52Z "
                             "or Unix seconds like 1796663632, got %r" % text)
        y, mo, dd, hh, mi, ss = (int(g) for g in m.group(1, 2, 3, 4, 5, 6))
        a = (14 - mo) // 12  # days from 1970-01-01 (proleptic Gregorian)
        yy, mm = y + 4800 - a, mo + 12 * a - 3
        days = dd + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - yy // 100 + yy // 400 - 32045 - 2440588
        secs = days * 86400 + hh * 3600 + mi * 60 + ss
        if m.group(9):
            off = (int(m.group(10)) * 60 + int(m.group(11))) * 60
            secs -= off if m.group(9) == "+" else -off
        ns = secs * 10**9 + int((m.group(7) or "0").ljust(9, "0"))
        return ns / 1e9, ns
    if not d.is_finite():
        raise SystemExit("vclock: --wall-clock %r is not a time" % text)
    ns = int((d * 10**9).to_integral_value(decimal.ROUND_HALF_EVEN))
    return float(d), ns


def set_wall_clock(text):
    """Fix the wall clock's start (None: the real time now)."""
    global WALL_START, WALL_START_NS
    if text is None:
        WALL_START_NS = _time_mod.time_ns()
        WALL_START = WALL_START_NS / 1e9
    else:
        WALL_START, WALL_START_NS = parse_wall_clock(text)


def _v_wall():
    return WALL_START + SCHED.now


def _v_wall_ns():
    return WALL_START_NS + int(SCHED.now * 1e9)


_real_localtime = _time_mod.localtime
_real_gmtime = _time_mod.gmtime
_real_ctime = _time_mod.ctime
_real_asctime = _time_mod.asctime
_real_strftime = _time_mod.strftime


def _v_localtime(secs=None):
    return _real_localtime(_v_wall() if secs is None else secs)


def _v_gmtime(secs=None):
    return _real_gmtime(_v_wall() if secs is None else secs)


def _v_ctime(secs=None):
    return _real_ctime(_v_wall() if secs is None else secs)


def _v_asctime(*t):
    return _real_asctime(*t) if t else _real_asctime(_v_localtime())


def _v_strftime(format, *t):
    return _real_strftime(format, *t) if t else _real_strftime(format, _v_localtime())


def _v_sleep(secs):
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    SCHED.sleep(secs)


def _install_datetime():
    """datetime runs as CPython's pure-Python classes (Lib/datetime.py
    without its C accelerator), whose today(), now() and utcnow() read the
    patched time.time(): the C classes cannot be patched, and stand-in
    subclasses of them break libraries that subclass datetime's classes
    (pydantic, under FastAPI). The pure-Python classes print and compute
    as the C ones do; a few error messages differ in wording, which is why
    the corpus scenes avoid them (scenes/lib/datetime tests those against
    plain python3)."""
    if "datetime" in sys.modules:
        raise RuntimeError("vclock: datetime was imported before the clock was patched")
    sys.modules["_datetime"] = None


# Thread patches ----------------------------------------------------------

_orig_wait_for_tstate_lock = threading.Thread._wait_for_tstate_lock


def _v_thread_start(self):
    if not self._initialized:
        raise RuntimeError("thread.__init__() not called")
    if self._started.is_set():
        raise RuntimeError("threads can only be started once")
    with threading._active_limbo_lock:
        threading._limbo[self] = self
    try:
        self._vc_rec = SCHED.spawn(self._bootstrap, self.name, self)
    except Exception:
        with threading._active_limbo_lock:
            del threading._limbo[self]
        raise
    # CPython waits here until the new thread has signalled it started; the
    # creator keeps the baton instead, so mark it started now.
    self._started.set()


def _v_wait_for_tstate_lock(self, block=True, timeout=-1):
    rec = getattr(self, "_vc_rec", None)
    if rec is not None and rec.state != FINISHED:
        if not block:
            return
        if not SCHED.wait_finished(rec, None if timeout == -1 else timeout):
            return
    if rec is not None:
        # The thread's Python code is done; its OS thread is about to release
        # the tstate lock (real, brief wait).
        _orig_wait_for_tstate_lock(self, True, -1)
        return
    _orig_wait_for_tstate_lock(self, block, timeout)


# The event loop -------------------------------------------------------------

_TIMER_SEQ = [0]


# Sockets ------------------------------------------------------------------

_SCENE_TO_REAL = {}  # port the scene bound -> real port
_REAL_TO_SCENE = {}  # and back
_CLOSED = []  # a bound, never listening socket: connects to it are refused


def _poll_quiet(real):
    """Poll the real selector until loopback traffic has settled: the same
    events (in the same order) twice in a row, a little real time apart."""
    last = real.select(0)
    for _ in range(20):
        _real_sleep(0.0002)
        now = real.select(0)
        if [(k.fd, m) for k, m in now] == [(k.fd, m) for k, m in last]:
            return now
        last = now
    return last


def _install_sockets():
    """Scenes bind fixed ports (8888) and --check runs them in parallel: a
    port a scene binds is bound as 0 (a free real port) and remembered;
    connect() goes to the real port of a port the scene bound, and any other
    connect to a port that refuses it (_CLOSED); getsockname/getpeername
    give the scene's port back. Error messages keep the scene's address
    (asyncio formats them from its own argument)."""
    import socket as socket_mod
    cls = socket_mod.socket
    real_bind, real_connect, real_connect_ex = cls.bind, cls.connect, cls.connect_ex
    real_getsockname, real_getpeername = cls.getsockname, cls.getpeername
    inet = (socket_mod.AF_INET, socket_mod.AF_INET6)

    def to_real(self, address):
        if self.family not in inet or not isinstance(address, tuple) or len(address) < 2:
            return address
        port = address[1]
        if port in _SCENE_TO_REAL:
            return (address[0], _SCENE_TO_REAL[port]) + tuple(address[2:])
        if not _CLOSED:
            c = socket_mod.socket()
            real_bind(c, ("127.0.0.1", 0))
            _CLOSED.append(c)
        return ("127.0.0.1", real_getsockname(_CLOSED[0])[1]) + tuple(address[2:])

    def to_scene(address):
        if isinstance(address, tuple) and len(address) >= 2 and address[1] in _REAL_TO_SCENE:
            return (address[0], _REAL_TO_SCENE[address[1]]) + tuple(address[2:])
        return address

    def bind(self, address):
        if self.family in inet and isinstance(address, tuple) and len(address) >= 2 and address[1]:
            port = address[1]
            if port in _SCENE_TO_REAL:
                return real_bind(self, (address[0], _SCENE_TO_REAL[port]) + tuple(address[2:]))
            real_bind(self, (address[0], 0) + tuple(address[2:]))
            got = real_getsockname(self)[1]
            _SCENE_TO_REAL[port] = got
            _REAL_TO_SCENE[got] = port
            return None
        real_bind(self, address)
        if self.family in inet:
            got = real_getsockname(self)[1]  # port 0: a real port the scene may connect to
            _SCENE_TO_REAL.setdefault(got, got)
            _REAL_TO_SCENE.setdefault(got, got)
        return None

    cls.bind = bind
    cls.connect = lambda self, address: real_connect(self, to_real(self, address))
    cls.connect_ex = lambda self, address: real_connect_ex(self, to_real(self, address))
    cls.getsockname = lambda self: to_scene(real_getsockname(self))
    cls.getpeername = lambda self: to_scene(real_getpeername(self))


def _install_asyncio():
    import asyncio
    import asyncio.events as events
    import asyncio.base_events as base_events

    base_timer = events.TimerHandle

    class TimerHandle(base_timer):
        """asyncio's TimerHandle ordered by (when, creation order)."""
        __slots__ = ("_vc_seq",)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            _TIMER_SEQ[0] += 1
            self._vc_seq = _TIMER_SEQ[0]

        def _key(self):
            return (self._when, self._vc_seq)

        def __hash__(self):
            return hash(self._when)

        def __lt__(self, other):
            if isinstance(other, base_timer):
                return self._key() < other._key()
            return NotImplemented

        def __le__(self, other):
            if isinstance(other, base_timer):
                return self._key() <= other._key()
            return NotImplemented

        def __gt__(self, other):
            if isinstance(other, base_timer):
                return self._key() > other._key()
            return NotImplemented

        def __ge__(self, other):
            if isinstance(other, base_timer):
                return self._key() >= other._key()
            return NotImplemented

        def __eq__(self, other):
            if isinstance(other, base_timer):
                return self._key() == other._key()
            return NotImplemented

        def __ne__(self, other):
            eq = self.__eq__(other)
            return NotImplemented if eq is NotImplemented else not eq

    TimerHandle.__name__ = "TimerHandle"
    TimerHandle.__qualname__ = "TimerHandle"
    TimerHandle.__module__ = base_timer.__module__
    events.TimerHandle = TimerHandle
    asyncio.TimerHandle = TimerHandle

    class VirtualSelector:
        """Wraps the loop's real selector; select() blocks in virtual time."""

        def __init__(self, real, loop):
            self._real = real
            self._loop = loop

        def select(self, timeout=None):
            loop = self._loop
            s = SCHED
            # Real sockets (streams): events already there are returned
            # without moving the clock, as select(0) (see SOCKETS).
            sockets = len(self._real.get_map()) > 1
            if loop._vc_pending:
                deadline = s.now
                what = "select() with the self-pipe written"
            elif sockets and _poll_quiet(self._real):
                deadline = s.now
                what = "select() with ready sockets"
            elif timeout is None:
                deadline = None
                what = "select() with no timeout (event loop idle)"
            else:
                deadline = s.now + max(timeout, 0)
                what = "select(%r)" % (timeout,)
            loop._vc_waiter = s.current()
            try:
                s.block(deadline, what)
            finally:
                loop._vc_waiter = None
            loop._vc_pending = False
            if sockets:
                return _poll_quiet(self._real)
            return self._real.select(0)

        def __getattr__(self, name):
            return getattr(self._real, name)

    class VirtualEventLoop(asyncio.SelectorEventLoop):
        """A selector event loop whose clock is the virtual clock."""

        def __init__(self, selector=None):
            self._vc_pending = False
            self._vc_waiter = None
            super().__init__(selector)
            self._selector = VirtualSelector(self._selector, self)
            _LOOPS.append(self)

        def time(self):
            return SCHED.now

        def _write_to_self(self):
            super()._write_to_self()
            self._vc_pending = True
            w = self._vc_waiter
            if w is not None:
                SCHED.wake(w)

    class VirtualPolicy(asyncio.DefaultEventLoopPolicy):
        _loop_factory = VirtualEventLoop

    asyncio.set_event_loop_policy(VirtualPolicy())
    return VirtualEventLoop


def install():
    """Patch everything, before the scene (and asyncio) is imported."""
    global SCHED
    SCHED = Scheduler()
    import queue

    _thread.allocate_lock = VLock
    _thread.LockType = VLock
    threading._allocate_lock = VLock
    threading.Lock = VLock
    threading._CRLock = None  # RLock() is then the Python _RLock over VLock
    threading._time = _v_time
    threading.Thread.start = _v_thread_start
    threading.Thread._wait_for_tstate_lock = _v_wait_for_tstate_lock
    queue.SimpleQueue = queue._PySimpleQueue
    queue.time = _v_time

    if WALL_START is None:
        set_wall_clock(None)
    _time_mod.time = _v_wall
    _time_mod.monotonic = _v_time
    _time_mod.perf_counter = _v_time
    _time_mod.time_ns = _v_wall_ns
    # staticmethod objects: callable like the builtins they replace, and
    # like them not bound as methods when a class keeps one as an
    # attribute (logging.Formatter.converter = time.localtime).
    _time_mod.localtime = staticmethod(_v_localtime)
    _time_mod.gmtime = staticmethod(_v_gmtime)
    _time_mod.ctime = staticmethod(_v_ctime)
    _time_mod.asctime = staticmethod(_v_asctime)
    _time_mod.strftime = staticmethod(_v_strftime)
    _install_datetime()
    _time_mod.monotonic_ns = _v_time_ns
    _time_mod.perf_counter_ns = _v_time_ns
    _time_mod.sleep = _v_sleep
    os.cpu_count = lambda: CPU_COUNT

    import concurrent.futures  # noqa: F401  (after the patches)
    import concurrent.futures.thread  # noqa: F401
    _install_sockets()
    _install_asyncio()


def shutdown():
    """What threading._shutdown does at exit, under the scheduler."""
    threading._SHUTTING_DOWN = True
    for call in reversed(threading._threading_atexits):
        call()
    while True:
        pending = [r for r in SCHED.recs
                   if r is not SCHED.main and r.state != FINISHED and not r.daemon]
        if not pending:
            break
        for r in pending:
            SCHED.wait_finished(r, None)


# --------------------------------------------------------------------------
# Output capture.

class GoldenWriter:
    """Stands in for sys.stdout: timestamps each line when its newline is written."""

    def __init__(self, real):
        self._real = real
        self.lines = []
        self.partial = ""

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        parts = s.split("\n")
        for p in parts[:-1]:
            self.lines.append("%.6f|%s" % (SCHED.now, self.partial + p))
            self.partial = ""
        self.partial += parts[-1]
        return len(s)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    @property
    def encoding(self):
        return self._real.encoding

    def __getattr__(self, name):
        return getattr(self._real, name)

    def render(self):
        out = list(self.lines)
        if self.partial:
            out.append("%.6f|%s" % (SCHED.now, self.partial))
            out.append("=noeol")
        return out


def _exit_code(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 1


def run_scene(path, golden):
    real_stdout = sys.stdout
    writer = GoldenWriter(real_stdout) if golden else None
    state = {"error": None, "done": False}
    done_lock = _real_lock()

    def finish(status, trailer, message):
        # Called once, by whichever thread ends the run.
        if not done_lock.acquire(False):
            _real_sleep(3600)
        if not golden:
            try:
                real_stdout.flush()
            except Exception:
                pass
        if message:
            try:
                sys.stderr.write(message + "\n")
                sys.stderr.flush()
            except Exception:
                pass
        if golden:
            lines = writer.render()
            if state["error"] is not None:
                lines.append("=error " + state["error"])
            if trailer:
                lines.append(trailer)
            lines.append("=exit %d" % status)
            real_stdout.write("\n".join(lines) + "\n")
        try:
            real_stdout.flush()
        except Exception:
            pass
        os._exit(status)

    def watchdog():
        _real_sleep(REAL_BUDGET)
        finish(3, "=budget", "budget: the scene ran %g s of real time" % REAL_BUDGET)

    _real_start_new_thread(watchdog, ())
    install()
    SCHED.finish = finish
    if golden:
        sys.stdout = writer

    abspath = os.path.abspath(path)
    SCHED.scene_path = abspath
    with open(path, "rb") as f:
        source = f.read()
    import types
    mod = types.ModuleType("__main__")
    mod.__file__ = abspath
    mod.__cached__ = None
    mod.__builtins__ = __builtins__
    sys.modules["__main__"] = mod
    sys.argv = [path]
    sys.path[0] = os.path.dirname(abspath)

    status = 0
    try:
        code = compile(source, abspath, "exec")
        exec(code, mod.__dict__)
    except SystemExit as e:
        status = _exit_code(e.code)
        if e.code is not None and not isinstance(e.code, int):
            sys.stderr.write(str(e.code) + "\n")
    except BaseException as e:
        tb = e.__traceback__
        # Drop the harness's own frames, keep the scene's.
        while tb is not None and tb.tb_frame.f_code.co_filename != abspath:
            tb = tb.tb_next
        if tb is None:
            tb = e.__traceback__
        traceback.print_exception(type(e), e, tb)
        sys.stderr.flush()
        only = traceback.format_exception_only(type(e), e)
        state["error"] = "".join(only).rstrip("\n").split("\n")[-1]
        status = 1
    try:
        shutdown()
    except BaseException:
        traceback.print_exc()
        if status == 0:
            status = 1
    try:
        sys.stdout.flush()
    except Exception:
        pass
    finish(status, None, None)


# --------------------------------------------------------------------------
# Corpus driver (no patching in this process).

def _complete(out):
    """A golden run always ends with its =exit line; anything else means the
    harness process itself died (killed, crashed) and proves nothing."""
    lines = out.splitlines()
    return bool(lines) and lines[-1].startswith("=exit ") and out.endswith("\n")


def _run_golden(path, wall_clock=None):
    import subprocess
    extra = [] if wall_clock is None else ["--wall-clock", wall_clock]
    for attempt in range(3):
        p = subprocess.run([sys.executable, os.path.abspath(__file__)] + extra + ["--golden", path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=REAL_BUDGET + 30)
        out = p.stdout.decode("utf-8")
        err = p.stderr.decode("utf-8", "replace")
        if _complete(out):
            return out, err
        sys.stderr.write("vclock: %s: harness run %d incomplete (status %d); stderr:\n%s\n"
                         % (path, attempt + 1, p.returncode, err[-2000:]))
    return None, err


def corpus(directory, update, wall_clock=None):
    import concurrent.futures as cf
    names = sorted(n for n in os.listdir(directory) if n.endswith(".py"))
    paths = [os.path.join(directory, n) for n in names]
    jobs = max(2, (os.cpu_count() or 2) * 2)
    bad = []
    with cf.ThreadPoolExecutor(jobs) as ex:
        results = list(ex.map(lambda p: _run_golden(p, wall_clock), paths))
    for path, (out, err) in zip(paths, results):
        gold = path[:-3] + ".out"
        if out is None:
            bad.append(path)
            print("HARNESS FAILURE %s (left its .out alone)" % path)
            continue
        if update:
            old = None
            if os.path.exists(gold):
                with open(gold, encoding="utf-8") as f:
                    old = f.read()
            if old != out:
                with open(gold, "w", encoding="utf-8") as f:
                    f.write(out)
                print("wrote %s" % gold)
        else:
            try:
                with open(gold, encoding="utf-8") as f:
                    want = f.read()
            except FileNotFoundError:
                want = None
            if want != out:
                bad.append(path)
                print("MISMATCH %s" % path)
                if want is not None:
                    import difflib
                    for line in difflib.unified_diff(want.splitlines(), out.splitlines(),
                                                     "want", "got", lineterm="", n=1):
                        print("    " + line)
                else:
                    print("    (no .out file)")
    if not update:
        print("%d scenes, %d mismatches" % (len(paths), len(bad)))
    elif bad:
        print("%d scenes, %d harness failures" % (len(paths), len(bad)))
    return 1 if bad else 0


def _golden_text(out):
    """The printed lines of a golden file, without timestamps, and its end time."""
    lines, end = [], 0.0
    for line in out.splitlines():
        if line.startswith("="):
            if line == "=noeol" and lines:
                lines[-1] += "<noeol>"
            continue
        stamp, _, text = line.partition("|")
        end = max(end, float(stamp))
        lines.append(text)
    return lines, end


def real_check(directory, limit, tol=0.25):
    """Run the scenes that end within `limit` virtual seconds under plain
    python3 (real sleeps) and compare what they print with the .out files.
    Decimal numbers in the text may differ by `tol` (real sleeps overshoot);
    everything else must be identical."""
    import concurrent.futures as cf
    import subprocess
    names = sorted(n for n in os.listdir(directory) if n.endswith(".py"))
    chosen = []
    for n in names:
        gold = os.path.join(directory, n[:-3] + ".out")
        if not os.path.exists(gold):
            continue
        with open(gold, encoding="utf-8") as f:
            text = f.read()
        want, end = _golden_text(text)
        if end <= limit and "=deadlock" not in text and "=budget" not in text:
            chosen.append((n, want))

    def run(item):
        n, want = item
        p = subprocess.run([sys.executable, os.path.join(directory, n)],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=limit * 4 + 30)
        got = p.stdout.decode("utf-8").split("\n")
        if got and got[-1] == "":
            got.pop()
        elif got:
            got[-1] += "<noeol>"
        return n, want, got

    import re
    num = re.compile(r"-?\d+\.\d+")

    def same(a, b):
        # Printed times drift in real time: decimals may differ by `tol`.
        if len(a) != len(b):
            return False
        for x, y in zip(a, b):
            if num.split(x) != num.split(y):
                return False
            for u, v in zip(num.findall(x), num.findall(y)):
                if abs(float(u) - float(v)) > tol:
                    return False
        return True

    bad = 0
    with cf.ThreadPoolExecutor(4) as ex:
        for n, want, got in ex.map(run, chosen):
            if not same(want, got):
                bad += 1
                print("REAL MISMATCH %s" % n)
                import difflib
                for line in difflib.unified_diff(want, got, "vclock", "python3", lineterm="", n=1):
                    print("    " + line)
    print("%d scenes run in real time (ending by %gs), %d differ" % (len(chosen), limit, bad))
    return 1 if bad else 0


def main(argv):
    wall_clock = os.environ.get("VCLOCK_WALL_CLOCK") or None
    if len(argv) >= 2 and argv[0] == "--wall-clock":
        wall_clock = argv[1]
        argv = argv[2:]
        parse_wall_clock(wall_clock)  # reject a bad value now
    if len(argv) == 2 and argv[0] in ("--update", "--check"):
        return corpus(argv[1], argv[0] == "--update", wall_clock)
    if len(argv) in (2, 3) and argv[0] == "--real":
        return real_check(argv[1], float(argv[2]) if len(argv) == 3 else 2.5)
    golden = False
    if argv and argv[0] == "--golden":
        golden = True
        argv = argv[1:]
    if len(argv) != 1:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    if golden and wall_clock is None:
        wall_clock = CORPUS_WALL_CLOCK
        os.environ["TZ"] = "UTC"
        _time_mod.tzset()
    if wall_clock is not None:
        set_wall_clock(wall_clock)
    run_scene(argv[0], golden)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
