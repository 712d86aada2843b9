# A sleep longer than a day takes several select rounds (one day each);
# float deadlines add up as CPython adds them.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(200000 / 3)
    print(loop.time())
    for _ in range(3):
        await asyncio.sleep(0.1)
    print(repr(loop.time()))
    h = loop.call_at(loop.time() - 5, print, "past deadline runs at once")
    print(h.when() < loop.time())
    await asyncio.sleep(0)


asyncio.run(main())
