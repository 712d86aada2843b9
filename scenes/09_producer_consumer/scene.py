import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


async def waiter(orders, queue):
    for n in range(1, orders + 1):  # orders pour in faster than they are cooked
        if queue.full():
            print(f"{now()}  order {n} waits: the counter holds {queue.qsize()}")
        await queue.put(n)  # suspends while the queue is full
        print(f"{now()}  order {n} on the counter ({queue.qsize()} waiting)")
    await queue.put(None)  # one "closing time" sign per cook
    await queue.put(None)


async def cook(name, seconds, queue):
    while True:
        order = await queue.get()  # suspends while the queue is empty
        if order is None:
            print(f"{now()}  {name} goes home")
            return
        print(f"{now()}  {name} cooks order {order}")
        await asyncio.sleep(seconds)
        print(f"{now()}  {name} served order {order}")


async def main():
    queue = asyncio.Queue(maxsize=2)  # bounded: a fast producer must wait
    await asyncio.gather(
        waiter(7, queue),
        cook("Ana", 0.7, queue),
        cook("Bo", 1.3, queue),
    )
    print(f"{now()}  all orders served")


asyncio.run(main())
