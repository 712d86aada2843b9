# A notify with nobody waiting is lost: that is why wait_for(predicate)
# (re-checking state) is safer than a bare wait().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    cond = asyncio.Condition()
    ready = []
    async with cond:
        ready.append(True)
        cond.notify_all()
    print("notified before anyone waited")
    try:
        async with cond:
            await asyncio.wait_for(cond.wait(), timeout=1)
    except TimeoutError:
        print(f"{loop.time() - t0:.1f} a bare wait() missed it and timed out")
    async with cond:
        await cond.wait_for(lambda: ready)
    print(f"{loop.time() - t0:.1f} wait_for(predicate) returned at once")


asyncio.run(main())
