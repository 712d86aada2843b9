# The asyncio docs' cpu_bound() (loop.run_in_executor): a long computation,
# not a runaway one. CPython finishes it in about a second.
import asyncio
import concurrent.futures


def cpu_bound():
    # CPU-bound operations will block the event loop:
    # in general it is preferable to run them in a
    # process pool.
    return sum(i * i for i in range(10 ** 7))


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor() as pool:
        result = await loop.run_in_executor(pool, cpu_bound)
        print('custom thread pool', result)


asyncio.run(main())
