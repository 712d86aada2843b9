# loop.time() and time.monotonic() read the same clock; time.time() and
# time.perf_counter() tick at the same rate.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    a = (loop.time(), time.monotonic(), time.time(), time.perf_counter())
    await asyncio.sleep(1.5)
    b = (loop.time(), time.monotonic(), time.time(), time.perf_counter())
    names = ["loop.time", "monotonic", "time", "perf_counter"]
    for name, before, after in zip(names, a, b):
        print(f"{name:<12} advanced {after - before:.1f}s")
    ns0 = time.monotonic_ns()
    await asyncio.sleep(0.5)
    ns1 = time.monotonic_ns()
    print("monotonic_ns advanced about", round((ns1 - ns0) / 1e8) / 10, "s")


asyncio.run(main())
