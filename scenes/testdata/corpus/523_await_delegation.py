# Awaitable classes whose __await__ is a generator delegating with
# yield from to a native coroutine's __await__() (asyncio.sleep) and to a
# Future's, returning a value; awaited directly and through gather.
import asyncio


class Sleep:
    def __init__(self, d, v):
        self.d, self.v = d, v

    def __await__(self):
        yield from asyncio.sleep(self.d).__await__()
        return self.v


class FutWait:
    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        return (yield from self.fut.__await__())


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await Sleep(0.5, "slept"), f"{loop.time() - t0:.1f}")
    fut = loop.create_future()
    loop.call_later(0.2, fut.set_result, 9)
    print(await FutWait(fut), f"{loop.time() - t0:.1f}")
    print(await asyncio.gather(Sleep(0.1, 1), Sleep(0.2, 2)), f"{loop.time() - t0:.1f}")


asyncio.run(main())
