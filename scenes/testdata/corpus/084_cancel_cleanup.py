# try/finally around awaits: cleanup runs on cancellation, and may await.
import asyncio


async def session(name, log):
    log.append(f"{name}: open")
    try:
        while True:
            await asyncio.sleep(0.5)
            log.append(f"{name}: working")
    finally:
        log.append(f"{name}: closing")
        await asyncio.sleep(0.25)
        log.append(f"{name}: closed")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    log = []
    task = asyncio.create_task(session("db", log))
    await asyncio.sleep(1.25)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log.append(f"main: cancelled at {loop.time() - t0:.2f}")
    print("\n".join(log))


asyncio.run(main())
