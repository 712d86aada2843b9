# A Semaphore(2) lets at most two downloads run at the same time.
import asyncio


async def download(name, seconds, sem, loop, t0, active):
    async with sem:
        active.append(name)
        print(f"{loop.time() - t0:.2f} start {name:<6} running: {sorted(active)}")
        await asyncio.sleep(seconds)
        active.remove(name)
        print(f"{loop.time() - t0:.2f} done  {name}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    sem = asyncio.Semaphore(2)
    active = []
    files = [("a.iso", 2), ("b.png", 0.5), ("c.mp3", 1), ("d.txt", 0.25), ("e.zip", 1)]
    await asyncio.gather(*[download(n, s, sem, loop, t0, active) for n, s in files])
    print(f"{loop.time() - t0:.2f} all downloads finished; locked: {sem.locked()}")


asyncio.run(main())
