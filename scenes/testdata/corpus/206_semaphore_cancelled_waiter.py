# Semaphore waiters are served in order; a cancelled waiter is skipped.
import asyncio


async def visit(name, sem, log, stay):
    try:
        async with sem:
            log.append(f"{name} in")
            await asyncio.sleep(stay)
            log.append(f"{name} out")
    except asyncio.CancelledError:
        log.append(f"{name} left the line")
        raise


async def main():
    sem = asyncio.Semaphore(1)
    log = []
    tasks = [asyncio.create_task(visit(n, sem, log, 0.5)) for n in ("p", "q", "r", "s")]
    await asyncio.sleep(0.25)
    tasks[2].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("\n".join(log))


asyncio.run(main())
