# Event.set() does not run the waiters: it schedules their wake-ups, behind
# callbacks already queued, in the order they started waiting.
import asyncio


async def waiter(name, ev):
    await ev.wait()
    print(f"{name} wakes")


async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, ev)) for n in ("w1", "w2")]
    await asyncio.sleep(0)
    loop.call_soon(print, "callback queued before set()")
    ev.set()
    loop.call_soon(print, "callback queued after set()")
    print("set() returned; nobody woke yet")
    await asyncio.gather(*tasks)


asyncio.run(main())
