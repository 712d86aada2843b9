# Sleeping in steps of 0.1: the clock adds floats, so 0.1 three times
# is not exactly 0.3, but rounding for display hides it.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for step in range(1, 6):
        await asyncio.sleep(0.1)
        print(f"step {step} at {loop.time() - t0:.1f}s")
    await asyncio.sleep(0.01)
    await asyncio.sleep(0.01)
    print(f"two hundredths later: {loop.time() - t0:.2f}s")
    print("0.1 + 0.2 =", 0.1 + 0.2, "and round(0.1 + 0.2, 2) =", round(0.1 + 0.2, 2))


asyncio.run(main())
