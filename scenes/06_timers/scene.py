import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


def ring(label):
    print(f"{now()}  ring: {label}")


async def main():
    loop = asyncio.get_running_loop()
    # Timers are kept sorted by deadline, not by the order they were set.
    loop.call_later(3, ring, "tea is steeped")
    loop.call_later(1, ring, "eggs are boiled")
    oven = loop.call_later(2, ring, "bread is baked")
    loop.call_at(loop.time() + 2.5, ring, "call_at: an absolute deadline")
    print(f"{now()}  four timers set; the loop will sleep until the nearest one")

    await asyncio.sleep(1.5)  # sleep is a timer too: one that wakes this task
    print(f"{now()}  main woke up; the oven is off, cancel its timer")
    oven.cancel()

    # call_later counts from the moment it is called: set at 1.5s, due at 3.2s.
    loop.call_later(1.7, ring, "late reminder")
    await asyncio.sleep(2)
    print(f"{now()}  main is done; no timer is left")


asyncio.run(main())
