# loopscope: speed=2
import asyncio
import time

# Five requests arrive at once; each waits on a database for this long.
BURST = [("GET /a", 0.8), ("GET /b", 1.2), ("GET /c", 0.5), ("GET /d", 1.0), ("GET /e", 0.7)]


async def handle(path, db_seconds, start, times):
    await asyncio.sleep(db_seconds)  # waiting for the database: I/O
    waited = time.monotonic() - start
    times.append(waited)
    print(f"  {path} answered after {waited:.1f}s")


async def one_by_one(burst):
    start, times = time.monotonic(), []
    for path, db in burst:
        await handle(path, db, start, times)  # the next request waits its turn
    return time.monotonic() - start, sum(times) / len(times)


async def concurrently(burst):
    start, times = time.monotonic(), []
    await asyncio.gather(*[handle(path, db, start, times) for path, db in burst])
    return time.monotonic() - start, sum(times) / len(times)


async def main():
    print("one by one:")
    total1, avg1 = await one_by_one(BURST)
    print("concurrently:")
    total2, avg2 = await concurrently(BURST)
    print(f"{'':14}{'one by one':>12}{'concurrent':>12}")
    print(f"{'total':14}{total1:>11.1f}s{total2:>11.1f}s")
    print(f"{'avg response':14}{avg1:>11.1f}s{avg2:>11.1f}s")

    # Four times the traffic: the concurrent server still finishes in 1.2s.
    many = BURST * 4
    start = time.monotonic()
    await asyncio.gather(*[asyncio.sleep(db) for path, db in many])
    print(f"{len(many)} requests at once, concurrent: {time.monotonic() - start:.1f}s")


asyncio.run(main())
