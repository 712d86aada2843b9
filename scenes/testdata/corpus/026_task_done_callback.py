# Tasks are futures, so they take done-callbacks too.
import asyncio


async def download(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name}.zip ({seconds * 10:.0f} MB)"


def report(task):
    print(f"  [{task.get_name()}] finished: {task.result()}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = []
    for name, secs in [("photos", 1.5), ("music", 0.5), ("notes", 1.0)]:
        t = asyncio.create_task(download(name, secs), name=name)
        t.add_done_callback(report)
        tasks.append(t)
    for t in tasks:
        await t
        print(f"{loop.time() - t0:.1f} main awaited {t.get_name()}")


asyncio.run(main())
