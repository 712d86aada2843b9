# From a worker thread, hand work to the event loop: call_soon_threadsafe
# for a callback, run_coroutine_threadsafe for a coroutine (its
# concurrent.futures.Future blocks the worker, not the loop), and
# wrap_future to await a concurrent future from the loop.
import asyncio
import concurrent.futures
import time


async def double(x):
    await asyncio.sleep(1)
    return x * 2


async def fail():
    await asyncio.sleep(0.5)
    raise ValueError("bad input")


def worker(loop, t0):
    loop.call_soon_threadsafe(print, f"{time.monotonic() - t0:.1f} callback from the worker")
    fut = asyncio.run_coroutine_threadsafe(double(21), loop)
    print(type(fut).__module__, type(fut).__name__)
    print(f"{time.monotonic() - t0:.1f} worker got {fut.result()}")
    bad = asyncio.run_coroutine_threadsafe(fail(), loop)
    try:
        bad.result()
    except ValueError as e:
        print(f"{time.monotonic() - t0:.1f} worker caught {e!r}")
    slow = asyncio.run_coroutine_threadsafe(asyncio.sleep(5, "slow"), loop)
    try:
        slow.result(timeout=1)
    except concurrent.futures.TimeoutError:
        print(f"{time.monotonic() - t0:.1f} worker timed out, cancels: {slow.cancel()}")
    return "worker done"


async def main():
    loop = asyncio.get_running_loop()
    t0 = time.monotonic()
    print(await asyncio.to_thread(worker, loop, t0))
    await asyncio.sleep(0.1)
    print("tasks left:", len(asyncio.all_tasks()))
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        cf = pool.submit(time.sleep, 2)
        wrapped = asyncio.wrap_future(cf)
        print(type(wrapped).__name__, asyncio.isfuture(wrapped))
        await wrapped
        print(f"{time.monotonic() - t0:.1f} wrapped future done: {cf.done()}")
    try:
        asyncio.run_coroutine_threadsafe(print, loop)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
