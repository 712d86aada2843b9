# source: https://docs.python.org/3.11/library/asyncio-eventloop.html#executing-code-in-thread-or-process-pools (run_in_executor); edits: only option 2 kept, with cpu_bound (the file and the process pool cannot run in a playground)
import asyncio
import concurrent.futures

def cpu_bound():
    # CPU-bound operations will block the event loop:
    # in general it is preferable to run them in a
    # process pool.
    return sum(i * i for i in range(10 ** 7))

async def main():
    loop = asyncio.get_running_loop()

    # 2. Run in a custom thread pool:
    with concurrent.futures.ThreadPoolExecutor() as pool:
        result = await loop.run_in_executor(
            pool, cpu_bound)
        print('custom thread pool', result)

if __name__ == '__main__':
    asyncio.run(main())
