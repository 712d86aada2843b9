# asyncio.wait with a timeout does not cancel anything: it just returns
# what is done so far. The caller decides what to do with the rest.
import asyncio


async def download(name, seconds):
    await asyncio.sleep(seconds)
    print(f"  {name} downloaded")
    return name


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [asyncio.create_task(download(n, s)) for n, s in [("small", 0.5), ("medium", 1.5), ("huge", 4)]]
    done, pending = await asyncio.wait(tasks, timeout=2)
    print(f"{loop.time() - t0:.1f} after the timeout: {len(done)} done, {len(pending)} pending")
    print("done:", sorted(t.result() for t in done))
    print("huge still running:", not tasks[2].done())
    done, pending = await asyncio.wait(pending, timeout=5)
    print(f"{loop.time() - t0:.1f} second wait: {len(done)} done, {len(pending)} pending")


asyncio.run(main())
