# return_when=FIRST_COMPLETED: wake up as soon as any task finishes, then
# keep waiting on the rest.
import asyncio


async def courier(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    pending = {
        asyncio.create_task(courier("bike", 1.5)),
        asyncio.create_task(courier("van", 3)),
        asyncio.create_task(courier("drone", 0.5)),
    }
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        arrived = sorted(t.result() for t in done)
        print(f"{loop.time() - t0:.1f} arrived: {arrived}, still out: {len(pending)}")


asyncio.run(main())
