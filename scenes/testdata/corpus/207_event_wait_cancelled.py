# A task waiting on an Event can be cancelled; setting the event later
# wakes only the remaining waiters.
import asyncio


async def waiter(name, ev, log):
    try:
        await ev.wait()
        log.append(f"{name} woke")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled while waiting")
        raise


async def main():
    ev = asyncio.Event()
    log = []
    a = asyncio.create_task(waiter("a", ev, log))
    b = asyncio.create_task(waiter("b", ev, log))
    await asyncio.sleep(0.5)
    a.cancel()
    await asyncio.sleep(0.5)
    ev.set()
    await asyncio.gather(a, b, return_exceptions=True)
    print("\n".join(log))


asyncio.run(main())
