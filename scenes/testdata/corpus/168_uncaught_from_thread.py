# An exception raised in a worker thread travels back through the future
# and escapes asyncio.run in the main thread.
import asyncio
import time


def average(values):
    time.sleep(0.5)
    return sum(values) / len(values)


async def main():
    print("average of [2, 4]:", await asyncio.to_thread(average, [2, 4]))
    print("average of []:", await asyncio.to_thread(average, []))


asyncio.run(main())
