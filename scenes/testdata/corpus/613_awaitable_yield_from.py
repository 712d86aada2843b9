# Awaitable classes: __await__ is a generator that delegates with yield
# from to another awaitable's iterator (a coroutine's __await__(), a
# Future), and its return value is the result of the await.
import asyncio


class Delay:
    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        yield from asyncio.sleep(self.seconds).__await__()
        return self.value


class Ready:
    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        result = yield from self.fut
        return f"ready: {result}"


class Twice:
    def __await__(self):
        a = yield from Delay(0.1, 1).__await__()
        b = yield from Delay(0.2, 2).__await__()
        return a + b


async def double(x):
    await asyncio.sleep(0.1)
    return 2 * x


class Doubled:
    def __init__(self, x):
        self.x = x

    def __await__(self):
        return (yield from double(self.x).__await__())


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await Delay(0.5, "done"), f"{loop.time() - t0:.1f}")
    fut = loop.create_future()
    loop.call_later(0.3, fut.set_result, 42)
    print(await Ready(fut), f"{loop.time() - t0:.1f}")
    print(await Twice(), f"{loop.time() - t0:.1f}")
    print(await Doubled(21), f"{loop.time() - t0:.1f}")
    results = await asyncio.gather(Delay(0.2, "a"), Delay(0.1, "b"), Doubled(5))
    print(results, f"{loop.time() - t0:.1f}")
    task = asyncio.ensure_future(Delay(0.1, "as a task"))
    print(await task, f"{loop.time() - t0:.1f}")


asyncio.run(main())
