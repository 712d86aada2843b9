# Passing our own ThreadPoolExecutor to run_in_executor: with two workers,
# four one-second jobs take two seconds.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def job(n):
    time.sleep(1)
    return n * n


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [loop.run_in_executor(pool, job, n) for n in range(1, 5)]
        results = await asyncio.gather(*futures)
    print(f"{loop.time() - t0:.1f}s results {results}")


asyncio.run(main())
