# asyncio.sleep(delay, result) hands back its result when it wakes up.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    value = await asyncio.sleep(0.25, result="slept well")
    print(f"{loop.time() - t0:.2f} {value}")
    nothing = await asyncio.sleep(0.25)
    print(f"{loop.time() - t0:.2f} default result is {nothing!r}")
    numbers = []
    for i in range(3):
        numbers.append(await asyncio.sleep(0.25, result=i * i))
    print(f"{loop.time() - t0:.2f} collected {numbers}")


asyncio.run(main())
