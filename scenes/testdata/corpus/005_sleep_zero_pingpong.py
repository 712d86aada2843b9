# await asyncio.sleep(0) gives the loop one turn: two tasks that do it
# take turns without any time passing.
import asyncio


async def player(name, rounds):
    for i in range(rounds):
        print(f"{name} hits the ball ({i + 1})")
        await asyncio.sleep(0)
    print(f"{name} is done")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    ping = asyncio.create_task(player("ping", 3))
    pong = asyncio.create_task(player("pong", 2))
    await ping
    await pong
    print(f"time passed: {loop.time() - t0:.1f}s")


asyncio.run(main())
