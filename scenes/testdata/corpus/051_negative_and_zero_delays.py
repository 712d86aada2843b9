# Zero and negative delays: asyncio.sleep(0) and asyncio.sleep(-1) both just
# yield once; call_later with a negative delay is due at once.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    loop.call_later(-1, print, "call_later(-1) fired")
    await asyncio.sleep(-1)
    print("sleep(-1) returned")
    await asyncio.sleep(0)
    print("sleep(0) returned")
    print(f"time passed: {loop.time() - t0:.1f}s")


asyncio.run(main())
