# Async generator methods on a class: __aiter__ written as an async
# generator, a second async generator method with a parameter, an async
# comprehension over an instance, and anext() on it.
import asyncio


class Feed:
    def __init__(self, items, delay):
        self.items = items
        self.delay = delay

    async def __aiter__(self):
        for item in self.items:
            await asyncio.sleep(self.delay)
            yield item

    async def batches(self, size):
        batch = []
        async for item in self:
            batch.append(item)
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    feed = Feed(["a", "b", "c", "d", "e"], 0.1)
    async for item in feed:
        print(f"{loop.time() - t0:.1f}", item)
    print([b async for b in feed.batches(2)], f"{loop.time() - t0:.1f}")
    it = aiter(feed)
    print(await anext(it), await anext(it))


asyncio.run(main())
