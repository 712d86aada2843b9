# An Event lets many tasks wait for one signal.
import asyncio


async def runner(name, gun, loop, t0):
    print(f"{loop.time() - t0:.1f} {name} on the blocks")
    await gun.wait()
    print(f"{loop.time() - t0:.1f} {name} starts running")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    gun = asyncio.Event()
    runners = [asyncio.create_task(runner(n, gun, loop, t0)) for n in ("kim", "lee", "max")]
    await asyncio.sleep(1)
    print(f"{loop.time() - t0:.1f} bang! is_set before: {gun.is_set()}")
    gun.set()
    print("is_set after:", gun.is_set())
    await asyncio.gather(*runners)
    gun.clear()
    print("cleared:", gun.is_set())
    late = asyncio.create_task(runner("zoe", gun, loop, t0))
    await asyncio.sleep(0.5)
    gun.set()
    await late


asyncio.run(main())
