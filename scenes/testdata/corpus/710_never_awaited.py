# Calling a coroutine function only makes a coroutine object; if nothing
# awaits it, CPython destroys it unrun and warns on stderr, naming the line
# that was running when its last reference went away (once per line).
import asyncio


async def f(n=0):
    print("f runs", n)


async def outer(c):
    await c


def sync_helper():
    c = f(1)
    return "helper returns"


async def async_helper():
    c = f(2)
    await asyncio.sleep(0)
    return "async helper returns"


def callback():
    f(3)


async def main():
    for i in range(3):
        f(i)
    c = f(4)
    c = f(5)
    print(sync_helper())
    print(await async_helper())
    asyncio.sleep(1)
    q = asyncio.Queue()
    q.get()
    lock = asyncio.Lock()
    lock.acquire()
    ev = asyncio.Event()
    ev.wait()
    outer(f(6))
    asyncio.wait_for(f(11), 1)
    asyncio.get_running_loop().call_soon(callback)
    await asyncio.sleep(0.1)
    d = f(7)
    t = asyncio.create_task(d)
    await t
    coros = [f(8), f(9)]
    await asyncio.gather(*coros)
    print("main ends")


f(10)
asyncio.run(main())
