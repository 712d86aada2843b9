# want: 2:8: module 'multiprocessing' is not available in scenes: a playground runs one process. Run blocking or CPU-heavy work in a thread instead: await asyncio.to_thread(work) or loop.run_in_executor(None, work) (or concurrent.futures.ThreadPoolExecutor)
import multiprocessing

def work(n):
    return n * n

if __name__ == "__main__":
    with multiprocessing.Pool(4) as pool:
        print(pool.map(work, range(10)))
