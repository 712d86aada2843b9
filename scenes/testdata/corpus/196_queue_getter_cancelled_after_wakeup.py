# An item handed to a waiting getter that is cancelled before it runs is
# not lost: the queue wakes the next getter instead.
import asyncio


async def getter(name, q, log):
    try:
        item = await q.get()
        log.append(f"{name} got {item}")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def main():
    q = asyncio.Queue()
    log = []
    g1 = asyncio.create_task(getter("g1", q, log))
    g2 = asyncio.create_task(getter("g2", q, log))
    await asyncio.sleep(0)
    q.put_nowait("the only item")
    g1.cancel()
    await asyncio.gather(g1, g2, return_exceptions=True)
    print("\n".join(log))
    print("queue empty:", q.empty())


asyncio.run(main())
