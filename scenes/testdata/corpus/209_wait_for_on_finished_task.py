# wait_for on a task that already finished returns its result at once;
# on a task that fails, it raises that task's error.
import asyncio


async def quick(value, fail=False):
    await asyncio.sleep(0.1)
    if fail:
        raise ValueError(f"bad {value}")
    return value


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    t = asyncio.create_task(quick(7))
    await asyncio.sleep(0.5)
    print(f"{loop.time() - t0:.1f} wait_for on a finished task:", await asyncio.wait_for(t, timeout=1))
    try:
        await asyncio.wait_for(quick(8, fail=True), timeout=1)
    except ValueError as e:
        print(f"{loop.time() - t0:.1f} wait_for re-raised: {e}")


asyncio.run(main())
