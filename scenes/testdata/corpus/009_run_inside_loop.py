# asyncio.run cannot be nested: a coroutine that tries it gets a RuntimeError.
import asyncio


async def inner():
    return "inner result"


async def main():
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    # The coroutine object was never started; await it the normal way.
    print("awaited instead:", await coro)


asyncio.run(main())
