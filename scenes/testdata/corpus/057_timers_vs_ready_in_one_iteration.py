# A timer that falls due while a callback is running is only picked up at
# the start of the next iteration, after everything already queued.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    loop.call_later(0.5, print, "timer due at 0.5")

    def slow():
        print("slow callback blocks for 1 second")
        time.sleep(1)

    def after_slow():
        print(f"{loop.time() - t0:.1f} queued behind slow, runs before the overdue timer")

    loop.call_soon(slow)
    loop.call_soon(after_slow)
    await asyncio.sleep(2)
    print(f"{loop.time() - t0:.1f} done")


asyncio.run(main())
