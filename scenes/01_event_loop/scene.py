# loopscope: speed=0.5
import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


async def brew(drink, seconds):
    print(f"{now()}  {drink}: start brewing")
    await asyncio.sleep(seconds)  # suspend here; the loop is free meanwhile
    print(f"{now()}  {drink}: ready")
    return drink


async def main():
    coro = brew("tea", 1)
    print(f"{now()}  brew('tea', 1) gave a {type(coro).__name__}; no line of it ran")
    drink = await coro
    print(f"{now()}  awaiting it ran it to the end: {drink!r}")

    print(f"{now()}  two more, each wrapped in a task")
    coffee = asyncio.create_task(brew("coffee", 3))
    cocoa = asyncio.create_task(brew("cocoa", 2))
    print(f"{now()}  tasks created; they start when main() pauses")
    await coffee
    await cocoa
    print(f"{now()}  both done after 3s, not 5s: {coffee.result()}, {cocoa.result()}")


asyncio.run(main())
