# Tasks due at the same moment wake in the order their timers were armed.
# The relay was created first, but it armed its second timer at 0.5 s, after
# the others armed theirs at 0 s, so it wakes last. (On a real clock the
# relay's deadline is later by the time it took to wake at 0.5 s.)
import asyncio


async def sleeper(name):
    await asyncio.sleep(1.0)
    print(f"{name} wakes")


async def relay():
    await asyncio.sleep(0.5)
    print("relay passes the baton")
    await asyncio.sleep(0.5)
    print("relay wakes")


async def main():
    tasks = [asyncio.create_task(relay())]
    for name in ["first", "second", "third"]:
        tasks.append(asyncio.create_task(sleeper(name)))
    for t in tasks:
        await t


asyncio.run(main())
