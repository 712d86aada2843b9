#!/usr/bin/env python3
"""Self-test of vclock's own rules. Plain asserts; exit 0 when all pass.

    python3 tools/vclock/selftest.py
"""

import os
import subprocess
import sys
import tempfile
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
VCLOCK = os.path.join(HERE, "vclock.py")


def golden(src, env=None, args=()):
    """Run src under vclock --golden; return (lines, exit status, stderr)."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(textwrap.dedent(src))
        path = f.name
    try:
        p = subprocess.run([sys.executable, VCLOCK] + list(args) + ["--golden", path],
                           capture_output=True, text=True, timeout=90,
                           env=dict(os.environ, **(env or {})))
    finally:
        os.unlink(path)
    return p.stdout.splitlines(), p.returncode, p.stderr


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


@case
def timers_fire_fifo_at_equal_deadlines():
    # Twelve timers due at the same instant (call_later and call_at mixed):
    # heapq over equal floats alone would not keep this order.
    out, rc, _ = golden("""
        import asyncio
        async def main():
            loop = asyncio.get_running_loop()
            done = loop.create_future()
            for i in range(12):
                if i % 3 == 0:
                    loop.call_at(loop.time() + 1, print, i)
                else:
                    loop.call_later(1, print, i)
            loop.call_later(1, done.set_result, None)
            await done
        asyncio.run(main())
    """)
    assert rc == 0, (rc, out)
    assert out == ["1.000000|%d" % i for i in range(12)] + ["=exit 0"], out


@case
def select_zero_yields_to_runnable_worker():
    # A coroutine spinning on sleep(0) must let the worker thread run.
    out, rc, err = golden("""
        import asyncio, time
        flag = []
        def worker():
            time.sleep(0)
            flag.append(1)
        async def main():
            loop = asyncio.get_running_loop()
            fut = loop.run_in_executor(None, worker)
            spins = 0
            while not flag:
                spins += 1
                await asyncio.sleep(0)
            await fut
            print(spins, loop.time())
        asyncio.run(main())
    """)
    assert rc == 0, (rc, out, err)
    assert out == ["0.000000|2 0.0", "=exit 0"], out


@case
def loop_wakes_on_call_soon_threadsafe():
    out, rc, err = golden("""
        import asyncio, time
        def worker():
            time.sleep(1.5)
            return "w"
        async def main():
            loop = asyncio.get_running_loop()
            r = await loop.run_in_executor(None, worker)
            print(r, loop.time())
        asyncio.run(main())
    """)
    assert rc == 0, (rc, out, err)
    assert out == ["1.500000|w 1.5", "=exit 0"], out


@case
def deadlock_is_reported():
    out, rc, err = golden("""
        import asyncio
        async def main():
            print("waiting")
            await asyncio.get_running_loop().create_future()
        asyncio.run(main())
    """)
    assert rc == 3, rc
    assert out == ["0.000000|waiting", "=deadlock", "=exit 3"], out
    assert err.startswith("deadlock: "), err


@case
def deadlock_between_threads_is_reported():
    out, rc, err = golden("""
        import concurrent.futures
        f = concurrent.futures.Future()
        f.result()
    """)
    assert rc == 3 and out == ["=deadlock", "=exit 3"], (rc, out)


@case
def time_sleep_on_the_loop_moves_loop_time():
    out, rc, _ = golden("""
        import asyncio, time
        async def main():
            loop = asyncio.get_running_loop()
            loop.call_later(0.5, lambda: print("heartbeat", loop.time()))
            time.sleep(2)
            print("slept", loop.time(), time.monotonic(), time.time() - 1796663632)
            await asyncio.sleep(0)
            await asyncio.sleep(0)
        asyncio.run(main())
    """)
    assert out == ["2.000000|slept 2.0 2.0 2.0", "2.000000|heartbeat 2.0", "=exit 0"], out
    assert rc == 0


@case
def wall_clock_is_start_plus_virtual_time():
    src = """
        import asyncio, datetime, logging, time
        async def main():
            print(time.time(), time.strftime("%X %Z"), datetime.datetime.now())
            await asyncio.sleep(2.5)
            print(time.time_ns(), time.ctime(), datetime.date.today())
            logging.warning("at %s", time.strftime("%H:%M:%S"))
        asyncio.run(main())
    """
    out, rc, err = golden(src)
    assert out == ["0.000000|1796663632.0 17:13:52 UTC 2026-12-07 17:13:52",
                   "2.500000|1796663634500000000 Mon Dec  7 17:13:54 2026 2026-12-07",
                   "=exit 0"], out
    assert err == "WARNING:root:at 17:13:54\n", err
    out, rc, _ = golden(src, env={"TZ": "Asia/Seoul"}, args=["--wall-clock", "1700000000.25"])
    assert out == ["0.000000|1700000000.25 07:13:20 KST 2023-11-15 07:13:20.250000",
                   "2.500000|1700000002750000000 Wed Nov 15 07:13:22 2023 2023-11-15",
                   "=exit 0"], out


@case
def budget_stops_an_endless_scene():
    out, rc, _ = golden("""
        import asyncio
        async def main():
            while True:
                await asyncio.sleep(1000)
        asyncio.run(main())
    """)
    assert rc == 3 and out == ["=budget", "=exit 3"], (rc, out)


@case
def uncaught_error_and_partial_line():
    out, rc, err = golden("""
        import asyncio
        async def main():
            await asyncio.sleep(0.25)
            print("half", end="")
            raise KeyError("x")
        asyncio.run(main())
    """)
    assert rc == 1, rc
    assert out == ["0.250000|half", "=noeol", "=error KeyError: 'x'", "=exit 1"], out
    assert "Traceback (most recent call last):" in err and "vclock.py" not in err, err


@case
def workers_joined_at_exit():
    # An executor never shut down: CPython's exit hook joins its worker,
    # which prints after the main code is done.
    out, rc, _ = golden("""
        import time, concurrent.futures
        ex = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        ex.submit(lambda: (time.sleep(3), print("late", time.monotonic())))
        print("main done")
    """)
    assert rc == 0
    assert out == ["0.000000|main done", "3.000000|late 3.0", "=exit 0"], out


@case
def thread_fifo_and_creator_keeps_baton():
    out, rc, _ = golden("""
        import time, concurrent.futures
        ex = concurrent.futures.ThreadPoolExecutor(max_workers=3)
        fs = [ex.submit(print, "job", i) for i in range(3)]
        print("submitted")
        time.sleep(0)
        print("main again")
        concurrent.futures.wait(fs)
        ex.shutdown()
    """)
    assert out == ["0.000000|submitted", "0.000000|job 0", "0.000000|job 1",
                   "0.000000|job 2", "0.000000|main again", "=exit 0"], out


@case
def default_executor_has_eight_workers():
    out, rc, _ = golden("""
        import asyncio, time
        async def main():
            loop = asyncio.get_running_loop()
            await asyncio.gather(*[loop.run_in_executor(None, time.sleep, 1) for _ in range(9)])
            print(loop.time())
        asyncio.run(main())
    """)
    assert out == ["2.000000|2.0", "=exit 0"], out



@case
def runner_and_new_event_loop_are_virtual():
    out, rc, err = golden("""
        import asyncio
        async def nap():
            await asyncio.sleep(2)
            return asyncio.get_running_loop().time()
        with asyncio.Runner() as r:
            print("runner", r.run(nap()))
        loop = asyncio.new_event_loop()
        print("new_event_loop", loop.run_until_complete(nap()))
        loop.close()
    """)
    assert rc == 0, err
    assert out == ["2.000000|runner 2.0", "4.000000|new_event_loop 4.0", "=exit 0"], out


@case
def deadline_wakes_ordered_by_deadline_then_block_order():
    # Four threads end up blocked until 1.0; they must run in the order they
    # blocked: c at 0, early at 0.25, a at 0.5, b at 0.75.
    out, rc, _ = golden("""
        import time, concurrent.futures
        def nap(name, first):
            time.sleep(first)
            time.sleep(1 - first)
            print(name, time.monotonic())
        ex = concurrent.futures.ThreadPoolExecutor(max_workers=4)
        ex.submit(nap, "a", 0.5)
        ex.submit(nap, "b", 0.75)
        ex.submit(nap, "c", 0.0)
        ex.submit(nap, "early", 0.25)
        ex.shutdown()
    """)
    assert out == ["1.000000|c 1.0", "1.000000|early 1.0", "1.000000|a 1.0",
                   "1.000000|b 1.0", "=exit 0"], out


@case
def deadlock_in_worker_threads_is_reported():
    out, rc, err = golden("""
        import asyncio, concurrent.futures
        never = concurrent.futures.Future()
        async def main():
            print("waiting on a thread that waits forever")
            await asyncio.to_thread(never.result)
        asyncio.run(main())
    """)
    assert rc == 3 and out[-2:] == ["=deadlock", "=exit 3"], (rc, out)
    assert "asyncio_0" in err and "select()" in err, err


@case
def real_time_budget_stops_a_busy_loop():
    out, rc, err = golden("""
        print("spinning")
        while True:
            pass
    """, env={"VCLOCK_REAL_BUDGET": "1"})
    assert rc == 3 and out == ["0.000000|spinning", "=budget", "=exit 3"], (rc, out)
    assert err.startswith("budget: "), err


def main():
    # Each case starts its own python3; run them side by side.
    from concurrent.futures import ThreadPoolExecutor

    def run(fn):
        try:
            fn()
            return None
        except AssertionError as e:
            return str(e) or "assertion failed"

    with ThreadPoolExecutor(max_workers=6) as ex:
        results = list(ex.map(run, CASES))
    failed = 0
    for fn, err in zip(CASES, results):
        if err is None:
            print("ok   %s" % fn.__name__)
        else:
            failed += 1
            print("FAIL %s: %s" % (fn.__name__, err))
    print("%d passed, %d failed" % (len(CASES) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
