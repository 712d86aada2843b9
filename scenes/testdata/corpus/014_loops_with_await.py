# for/while with break, continue and else, with awaits in the body.
import asyncio


async def check(n):
    await asyncio.sleep(0.1)
    return n % 7 == 0


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for n in range(10, 20):
        if n % 2 == 0:
            continue
        if await check(n):
            print(f"{loop.time() - t0:.1f} found a multiple of 7: {n}")
            break
    else:
        print("no multiple of 7")

    for n in [1, 3, 5]:
        if await check(n):
            break
    else:
        print(f"{loop.time() - t0:.1f} for-else: none of 1, 3, 5 is a multiple of 7")

    countdown = 3
    while countdown:
        print(f"{loop.time() - t0:.1f} countdown {countdown}")
        await asyncio.sleep(0.5)
        countdown -= 1
    else:
        print(f"{loop.time() - t0:.1f} liftoff")


asyncio.run(main())
