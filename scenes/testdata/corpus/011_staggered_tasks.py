# Five tasks that each sleep a different amount wake in order of their
# deadlines, not in order of creation.
import asyncio


async def runner(name, delay, loop, t0):
    await asyncio.sleep(delay)
    print(f"{loop.time() - t0:.1f} {name} crosses the line")
    return name


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    plan = [("ant", 0.5), ("bee", 0.2), ("cat", 0.4), ("dog", 0.1), ("eel", 0.3)]
    tasks = [asyncio.create_task(runner(n, d, loop, t0)) for n, d in plan]
    print("all runners created, none has started yet")
    for t in tasks:
        await t
    print("results in creation order:", [t.result() for t in tasks])


asyncio.run(main())
