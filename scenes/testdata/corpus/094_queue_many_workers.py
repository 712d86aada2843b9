# Several workers share one queue; idle workers get items in the order
# they started waiting.
import asyncio


async def worker(name, q, log):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            return
        log.append(f"{name} takes {item}")
        await asyncio.sleep(item)
        q.task_done()


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    q = asyncio.Queue()
    log = []
    workers = [asyncio.create_task(worker(n, q, log)) for n in ("ann", "ben", "cid")]
    await asyncio.sleep(0)
    for item in [0.3, 0.1, 0.25, 0.1, 0.4, 0.2]:
        await q.put(item)
    for _ in workers:
        await q.put(None)
    await q.join()
    print("\n".join(log))
    print(f"finished after {loop.time() - t0:.2f}s")


asyncio.run(main())
