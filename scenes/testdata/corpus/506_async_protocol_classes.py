# Classes in asyncio protocols: an async iterator (__aiter__/__anext__ and
# StopAsyncIteration), an async context manager (__aenter__/__aexit__), two
# awaitables (__await__ returning a coroutine's __await__(), and a
# generator), a callable instance as a loop.call_soon callback, and an
# async __call__.
import asyncio


class Ticker:
    """An async iterator class, as in the asyncio tutorials."""

    def __init__(self, delay, to):
        self.delay = delay
        self.i = 0
        self.to = to

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.to:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(self.delay)
        return self.i


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print(f"close {self.name}", exc_type.__name__ if exc_type else None)
        return False


class Delay:
    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        return self.run().__await__()

    async def run(self):
        await asyncio.sleep(self.seconds)
        return self.value


class Ready:
    def __await__(self):
        yield
        return "ready"


class Callback:
    def __init__(self, fut):
        self.fut = fut
        self.calls = 0

    def __call__(self, value):
        self.calls += 1
        print("callback got", value)
        self.fut.set_result(value * 2)


class AsyncHandler:
    async def __call__(self, x):
        await asyncio.sleep(0.2)
        return x + 1


async def main():
    loop = asyncio.get_running_loop()
    async for n in Ticker(0.5, 3):
        print(f"{loop.time():.1f} tick {n}")
    async with Connection("db") as conn:
        print("using", conn.name)
    try:
        async with Connection("cache"):
            raise KeyError("boom")
    except KeyError as e:
        print("caught", repr(e))
    print(await Delay(0.3, "slow value"), f"{loop.time():.1f}")
    print(await Ready())
    fut = loop.create_future()
    cb = Callback(fut)
    loop.call_soon(cb, 21)
    print(await fut, cb.calls)
    h = AsyncHandler()
    print(await h(1), await asyncio.gather(h(2), h(3)))
    t = asyncio.create_task(h(10))
    print(await t)
    print([x async for x in Ticker(0.1, 2)])


asyncio.run(main())
