# asyncio.timeout_at takes a deadline on the loop's clock; the Timeout it
# returns says when() it fires, whether it expired(), and can be
# reschedule()d, pushed back or brought forward, while it runs.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1
    try:
        async with asyncio.timeout_at(deadline) as cm:
            print("when:", cm.when() - loop.time(), "expired:", cm.expired())
            await asyncio.sleep(2)
    except TimeoutError:
        print(f"timed out at {loop.time():.1f}, expired: {cm.expired()}")

    async with asyncio.timeout(None) as cm:
        print("no deadline:", cm.when())
        cm.reschedule(loop.time() + 5)
        print("rescheduled to", cm.when() - loop.time())
        await asyncio.sleep(1)
    print(f"finished in time at {loop.time():.1f}, expired: {cm.expired()}")

    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(0.5)
            cm.reschedule(loop.time() + 3)
            await asyncio.sleep(2)
            print(f"still inside at {loop.time():.1f}")
            cm.reschedule(loop.time() + 0.25)
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"timed out at {loop.time():.2f}")

    async with asyncio.timeout_at(loop.time() + 1) as cm:
        cm.reschedule(None)
        await asyncio.sleep(3)
    print(f"no deadline left: {cm.when()}, at {loop.time():.1f}")

    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await asyncio.sleep(0)
    except TimeoutError:
        print("a deadline in the past times out at the first await")


asyncio.run(main())
