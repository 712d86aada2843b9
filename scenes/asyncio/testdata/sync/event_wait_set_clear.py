import asyncio


async def waiter(name, ev):
    print(name, "waits")
    r = await ev.wait()
    print(name, "woke with", r, "at", asyncio.get_running_loop().time())


async def main():
    ev = asyncio.Event()
    print("is_set", ev.is_set())
    ws = [asyncio.create_task(waiter(n, ev)) for n in ("x", "y", "z")]
    await asyncio.sleep(1)
    ev.set()
    ev.clear()  # the waiters were already woken: they still return True
    print("after set+clear is_set", ev.is_set())
    await asyncio.gather(*ws)
    ev.set()
    print("wait on a set event:", await ev.wait())
    ev.set()
    print("is_set", ev.is_set())


asyncio.run(main())
