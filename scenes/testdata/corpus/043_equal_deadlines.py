# Timers due at the same moment fire in the order they were scheduled.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    done = loop.create_future()
    for name in ["red", "orange", "yellow", "green", "blue", "indigo", "violet"]:
        loop.call_later(1, print, f"{name} lights up")
    loop.call_later(0.5, print, "a timer armed later but due earlier")
    loop.call_later(1, done.set_result, "rainbow complete")
    print(await done, f"at {loop.time() - t0:.1f}")


asyncio.run(main())
