# gather raises the exception of the child that fails FIRST in time,
# not the first in the argument list.
import asyncio


async def fail_after(seconds, message):
    await asyncio.sleep(seconds)
    raise ValueError(message)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.gather(fail_after(1.0, "listed first, fails late"), fail_after(0.5, "listed second, fails early"))
    except ValueError as e:
        print(f"{loop.time() - t0:.1f} {e}")
    await asyncio.sleep(1)
    print(f"{loop.time() - t0:.1f} the other failure was never raised")


asyncio.run(main())
