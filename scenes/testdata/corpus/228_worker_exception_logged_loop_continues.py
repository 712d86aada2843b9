# A run_in_executor job that fails only matters when awaited: its error
# arrives at the await, and the loop keeps running meanwhile.
import asyncio
import time


def parse(text):
    time.sleep(0.5)
    return int(text)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    good = loop.run_in_executor(None, parse, "12")
    bad = loop.run_in_executor(None, parse, "twelve")
    await asyncio.sleep(1)
    print(f"{loop.time() - t0:.1f} both jobs finished; bad done: {bad.done()}")
    print("good:", await good)
    try:
        await bad
    except ValueError as e:
        print("bad:", e)


asyncio.run(main())
