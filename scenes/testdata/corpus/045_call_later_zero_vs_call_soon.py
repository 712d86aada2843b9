# call_later(0, x) is a timer: it reaches the ready queue only when the
# loop next checks its timers, so a call_soon made afterwards still runs first.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "call_later(0) scheduled first")
    loop.call_soon(print, "call_soon scheduled second")
    loop.call_at(loop.time() - 5, print, "call_at in the past scheduled third")
    await asyncio.sleep(0)
    print("main after one turn")
    await asyncio.sleep(0)
    print("main after two turns")


asyncio.run(main())
