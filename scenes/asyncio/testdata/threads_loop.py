# Worker threads and the loop: to_thread, run_in_executor, a coroutine
# spinning on sleep(0) while a thread works, time.sleep stalling the loop,
# call_soon_threadsafe waking a loop blocked in select.
import asyncio
import time


def blocking(name, d):
    time.sleep(d)
    print("thread", name, "done at", time.monotonic())
    return name.upper()


def poke(loop, fut):
    time.sleep(0.7)
    loop.call_soon_threadsafe(fut.set_result, "poked")


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.25)
        print("tick", i, asyncio.get_running_loop().time())


async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.gather(asyncio.to_thread(blocking, "a", 0.5), ticker(3),
                             loop.run_in_executor(None, blocking, "b", 0.3))
    print(r)
    flag = {"done": False}

    def work():
        flag["done"] = sum(range(1000)) > 0

    f = loop.run_in_executor(None, work)
    spins = 0
    while not flag["done"]:
        spins += 1
        await asyncio.sleep(0)
    await f
    print("spun until the thread finished:", spins, loop.time())
    t = asyncio.create_task(ticker(2))
    await asyncio.sleep(0)
    time.sleep(1)
    print("loop was stalled until", loop.time())
    await t
    fut = loop.create_future()
    loop.run_in_executor(None, poke, loop, fut)
    print(await fut, "at", loop.time())


asyncio.run(main())
print("end", time.monotonic())
