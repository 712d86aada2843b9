# After the loop was blocked, every overdue timer fires at the same late
# moment, in deadline order. main's sleep(0) wake-up was queued before the
# loop looked at the clock again, so main resumes first.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for d in (0.75, 0.25, 0.5):
        loop.call_later(d, lambda d=d: print(f"timer for {d:.2f} fired at {loop.time() - t0:.2f}"))
    time.sleep(1)
    print(f"the loop was blocked until {loop.time() - t0:.2f}")
    await asyncio.sleep(0)
    print("main resumes before the overdue timers fire")


asyncio.run(main())
