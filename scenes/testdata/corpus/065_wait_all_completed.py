# asyncio.wait returns two sets: done and pending. With the default
# ALL_COMPLETED it waits for everything.
import asyncio


async def job(seconds):
    await asyncio.sleep(seconds)
    return seconds * 100


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [asyncio.create_task(job(s), name=f"job-{s}") for s in (0.5, 1.5, 1.0)]
    done, pending = await asyncio.wait(tasks)
    print(f"{loop.time() - t0:.1f} done: {len(done)}, pending: {len(pending)}")
    for t in sorted(done, key=lambda t: t.get_name()):
        print(f"  {t.get_name()} -> {t.result():.0f}")


asyncio.run(main())
