import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


def coffee_with_callbacks(loop, finished):
    # Each step names the function to call when it is over.
    def order_taken():
        print(f"{now()}  [callbacks] order taken, brewing")
        loop.call_later(2, brewed)

    def brewed():
        print(f"{now()}  [callbacks] brewed")
        loop.call_soon(serve, "latte")

    def serve(drink):
        print(f"{now()}  [callbacks] served a {drink}")
        finished.set_result(drink)

    print(f"{now()}  [callbacks] taking the order")
    loop.call_later(1, order_taken)


async def coffee_with_await():
    # The same three steps, read top to bottom (started 0.5s later, so the
    # two versions never act at the same instant).
    await asyncio.sleep(0.5)
    print(f"{now()}  [await] taking the order")
    await asyncio.sleep(1)
    print(f"{now()}  [await] order taken, brewing")
    await asyncio.sleep(2)
    print(f"{now()}  [await] brewed")
    print(f"{now()}  [await] served a mocha")
    return "mocha"


def say(message):
    print(f"{now()}  {message}")


def announce(fut):
    print(f"{now()}  done callback: {fut.result()} is on the counter")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(say, "call_soon: ran on the loop's next turn")
    print(f"{now()}  main scheduled a callback; it has not run yet")

    finished = loop.create_future()
    finished.add_done_callback(announce)
    coffee_with_callbacks(loop, finished)

    task = asyncio.create_task(coffee_with_await())
    task.add_done_callback(announce)
    await finished
    await task


asyncio.run(main())
