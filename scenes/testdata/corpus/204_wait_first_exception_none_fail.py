# FIRST_EXCEPTION when nothing fails behaves like ALL_COMPLETED.
import asyncio


async def ok(seconds):
    await asyncio.sleep(seconds)
    return seconds


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [asyncio.create_task(ok(s)) for s in (0.5, 1.5, 1.0)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time() - t0:.1f} done {len(done)}, pending {len(pending)}")
    done, pending = await asyncio.wait([asyncio.create_task(ok(0.5))], timeout=0)
    print(f"{loop.time() - t0:.1f} timeout=0: done {len(done)}, pending {len(pending)}")
    await asyncio.wait(pending)


asyncio.run(main())
