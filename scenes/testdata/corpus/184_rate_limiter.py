# A simple rate limiter: at most 2 requests per second, enforced by
# spacing the start times.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    interval = 0.5
    next_slot = [loop.time()]
    lock = asyncio.Lock()

    async def limited_request(n):
        async with lock:
            wait = next_slot[0] - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            next_slot[0] = loop.time() + interval
        print(f"{loop.time() - t0:.1f} request {n} sent")

    await asyncio.gather(*[limited_request(n) for n in range(5)])


asyncio.run(main())
