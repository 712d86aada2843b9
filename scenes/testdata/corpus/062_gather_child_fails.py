# Without return_exceptions, the first failure propagates to whoever awaits
# gather, but the other children are NOT cancelled: they keep running.
import asyncio


async def step(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} broke")
    print(f"{name} finished")
    return name


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    slow = asyncio.create_task(step("slow", 2))
    try:
        await asyncio.gather(step("fast", 0.5), step("broken", 1, fail=True), slow)
    except RuntimeError as e:
        print(f"{loop.time() - t0:.1f} gather raised: {e}")
    print("slow task cancelled?", slow.cancelled())
    await slow
    print(f"{loop.time() - t0:.1f} slow task result: {slow.result()}")


asyncio.run(main())
