import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


async def heartbeat():
    last = time.monotonic()
    while True:
        gap = time.monotonic() - last
        last = time.monotonic()
        print(f"{now()}  heartbeat ({gap:.1f}s since the last one)")
        await asyncio.sleep(0.5)


def resize_image():
    time.sleep(1.5)  # stands for slow blocking work: a sync library, a big file
    return "resized"


async def main():
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.2)

    print(f"{now()}  MISTAKE: time.sleep(1.5) inside async def")
    time.sleep(1.5)  # the loop's only thread is stuck here: nothing else runs
    print(f"{now()}  main is back; every other task waited with it")

    await asyncio.sleep(1.4)  # the fix for waiting: a timer, the loop stays free
    print(f"{now()}  asyncio.sleep(1.4) let the heartbeat keep going")

    result = await asyncio.to_thread(resize_image)  # the fix for blocking work
    print(f"{now()}  to_thread ran it on a worker thread: {result}")
    beat.cancel()


asyncio.run(main())


# loopscope keeps the heartbeat's card in view, even on a phone:
# witness: heartbeat
