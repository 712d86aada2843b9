# Cancelled timers are skipped. When most of the timer heap is cancelled,
# the loop rebuilds the heap; the survivors still fire in order.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    fired = []
    handles = []
    for i in range(300):
        delay = 1 + (i % 10) * 0.5
        handles.append(loop.call_later(delay, fired.append, i))
    for i, h in enumerate(handles):
        if i % 7 != 0:
            h.cancel()
    await asyncio.sleep(0)
    print("survivors:", sum(1 for h in handles if not h.cancelled()))
    await asyncio.sleep(6)
    print(f"{loop.time() - t0:.1f} fired {len(fired)} timers")
    print("first ten fired:", fired[:10])
    print("last five fired:", fired[-5:])


asyncio.run(main())
