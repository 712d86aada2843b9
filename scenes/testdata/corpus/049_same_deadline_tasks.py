# Tasks that sleep until the same moment wake in the order they went to sleep.
import asyncio


async def runner(name, lead):
    await asyncio.sleep(lead)
    # everyone aims for the same finish line at 1.0 s
    await asyncio.sleep(1.0 - lead)
    print(f"{name} finishes")


async def main():
    tasks = [
        asyncio.create_task(runner("late starter", 0.5)),
        asyncio.create_task(runner("early starter", 0.0)),
        asyncio.create_task(runner("middle starter", 0.25)),
    ]
    for t in tasks:
        await t


asyncio.run(main())
