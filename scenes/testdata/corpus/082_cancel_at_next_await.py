# Cancellation is not instant: cancel() only marks the task. The
# CancelledError is raised at the await where the task is (or next gets)
# suspended; plain code before that keeps running.
import asyncio


async def self_stopper(log):
    asyncio.current_task().cancel()
    log.append("self_stopper: cancel requested, still running")
    total = sum(range(10))
    log.append(f"self_stopper: computed {total} without being interrupted")
    try:
        await asyncio.sleep(1)
        log.append("never reached")
    except asyncio.CancelledError:
        log.append("self_stopper: CancelledError at the next await")
        raise


async def queued(log):
    log.append("queued: step 1")
    try:
        await asyncio.sleep(0)
        log.append("queued: step 2 never runs")
    except asyncio.CancelledError:
        log.append("queued: CancelledError at the sleep(0) it was parked in")
        raise


async def main():
    log = []
    a = asyncio.create_task(self_stopper(log))
    b = asyncio.create_task(queued(log))
    await asyncio.sleep(0)
    log.append("main: cancel queued (it is ready to resume)")
    b.cancel()
    log.append("main: cancel() returned, queued has not stopped yet")
    for t in (a, b):
        try:
            await t
        except asyncio.CancelledError:
            log.append(f"main: task {t.get_name()} is cancelled")
    print("\n".join(log))


asyncio.run(main())
