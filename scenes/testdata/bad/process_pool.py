# want: 7:25: concurrent.futures.ProcessPoolExecutor is not available in scenes: a playground runs one process: use ThreadPoolExecutor (or asyncio.to_thread), whose workers are simulated threads
import concurrent.futures

def square(x):
    return x * x

with concurrent.futures.ProcessPoolExecutor() as pool:
    print(list(pool.map(square, range(3))))
