# An asynccontextmanager around await asyncio.sleep: entering and leaving
# take loop time, several tasks hold sessions at once, and an exception in
# the block is thrown into the generator at its yield.
import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def session(name, delay):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.1f} open {name}")
    await asyncio.sleep(delay)
    try:
        yield f"conn-{name}"
    except KeyError as e:
        print(f"{loop.time():.1f} {name} handled {e!r}")
    finally:
        await asyncio.sleep(delay)
        print(f"{loop.time():.1f} close {name}")


@asynccontextmanager
async def swallow():
    try:
        yield
    except ValueError as e:
        print("swallowed", e)


@asynccontextmanager
async def broken():
    if False:
        yield


async def client(name, delay, fail=None):
    async with session(name, delay) as conn:
        await asyncio.sleep(0.3)
        print(f"{asyncio.get_running_loop().time():.1f} {name} used {conn}")
        if fail:
            raise fail
    return name


async def main():
    done = await asyncio.gather(client("a", 0.1), client("b", 0.2, KeyError("b-key")), return_exceptions=True)
    print(done)
    try:
        await client("c", 0.1, RuntimeError("boom"))
    except RuntimeError as e:
        print("caught", e)
    async with swallow():
        raise ValueError("inside swallow")
    print("after swallow")
    try:
        async with broken():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    task = asyncio.create_task(client("d", 1.0))
    await asyncio.sleep(0.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.1f} d cancelled")


asyncio.run(main())
