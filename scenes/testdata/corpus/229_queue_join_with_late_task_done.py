# join() waits for task_done() calls, which may come much later than get().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    q = asyncio.Queue()
    for item in ["a", "b"]:
        q.put_nowait(item)
    taken = [q.get_nowait(), q.get_nowait()]
    print("taken:", taken, "| queue empty:", q.empty())
    loop.call_later(0.5, q.task_done)
    loop.call_later(1.5, q.task_done)
    await q.join()
    print(f"{loop.time() - t0:.1f} join returned after the second task_done")


asyncio.run(main())
