# Cancelling a handle after its callback already ran changes nothing
# visible, but the handle still reports cancelled() afterwards.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(print, "callback ran")
    await asyncio.sleep(0)
    print("cancelled before:", h.cancelled())
    h.cancel()
    print("cancelled after:", h.cancelled())
    t = loop.call_later(0.5, print, "timer ran")
    await asyncio.sleep(1)
    t.cancel()
    print("timer cancelled after it fired:", t.cancelled())


asyncio.run(main())
