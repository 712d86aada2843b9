# Waiting for an event with a deadline: wait_for(event.wait(), timeout).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    door_open = asyncio.Event()
    try:
        await asyncio.wait_for(door_open.wait(), timeout=1)
    except TimeoutError:
        print(f"{loop.time() - t0:.1f} nobody opened the door")
    loop.call_later(0.5, door_open.set)
    await asyncio.wait_for(door_open.wait(), timeout=1)
    print(f"{loop.time() - t0:.1f} the door opened in time")


asyncio.run(main())
