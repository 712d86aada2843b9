# An AsyncExitStack of connections opened in a loop: they close in reverse
# order, async callbacks are awaited, and a failure part way through still
# closes the ones already open.
import asyncio
from contextlib import AsyncExitStack, asynccontextmanager


@asynccontextmanager
async def connect(host, delay):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(delay)
    if host == "bad":
        raise ConnectionError(f"cannot reach {host}")
    print(f"{loop.time():.1f} connected {host}")
    try:
        yield f"<{host}>"
    finally:
        await asyncio.sleep(0.1)
        print(f"{loop.time():.1f} disconnected {host}")


class Pool:
    def __init__(self, size):
        self.size = size

    async def __aenter__(self):
        await asyncio.sleep(0.2)
        print("pool ready", self.size)
        return self

    async def __aexit__(self, typ, exc, tb):
        print("pool drained", typ.__name__ if typ else None)


async def flush(what):
    await asyncio.sleep(0.05)
    print(f"{asyncio.get_running_loop().time():.2f} flushed {what}")


async def main():
    async with AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(connect(h, 0.1 * (i + 1))) for i, h in enumerate(["db", "cache", "queue"])]
        print("open:", conns)
        stack.push_async_callback(flush, "logs")
        stack.callback(print, "sync callback")
        pool = await stack.enter_async_context(Pool(4))
        print("pool size", pool.size)
    print(f"{asyncio.get_running_loop().time():.2f} all closed")

    try:
        async with AsyncExitStack() as stack:
            for h in ["a", "bad", "c"]:
                await stack.enter_async_context(connect(h, 0.1))
    except ConnectionError as e:
        print("failed:", e)

    stack = AsyncExitStack()
    await stack.enter_async_context(connect("late", 0.1))
    moved = stack.pop_all()
    await stack.aclose()
    print("first stack closed, nothing in it")
    await moved.aclose()

    async def with_stack(n):
        async with AsyncExitStack() as s:
            await s.enter_async_context(connect(f"t{n}", 0.1 * n))
            await asyncio.sleep(0.3)
            return n

    print(await asyncio.gather(with_stack(1), with_stack(2)))
    try:
        await AsyncExitStack().enter_async_context(3)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
