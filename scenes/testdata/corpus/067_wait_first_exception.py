# return_when=FIRST_EXCEPTION returns when a task fails (or all finish).
import asyncio


async def probe(name, seconds, ok=True):
    await asyncio.sleep(seconds)
    if not ok:
        raise RuntimeError(f"{name} unreachable")
    return name


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [
        asyncio.create_task(probe("alpha", 0.5)),
        asyncio.create_task(probe("beta", 1.0, ok=False)),
        asyncio.create_task(probe("gamma", 2.0)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time() - t0:.1f} done {len(done)}, pending {len(pending)}")
    for t in tasks:
        if t in done:
            if t.exception() is not None:
                print("  failed:", t.exception())
            else:
                print("  ok:", t.result())
        else:
            print("  still running, cancelling")
            t.cancel()
    await asyncio.sleep(0)
    print("gamma cancelled:", tasks[2].cancelled())


asyncio.run(main())
