# asyncio.run called from a running loop: inside a coroutine the loop is
# already running, so asyncio.run raises RuntimeError (and the coroutine
# it was given is never awaited: the nested run is the mistake to fix).
import asyncio


async def step(n):
    await asyncio.sleep(0.1)
    return n * 2


async def main():
    try:
        asyncio.run(step(1))  # mistake: nested-run
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("awaited:", await step(2))


asyncio.run(main())
