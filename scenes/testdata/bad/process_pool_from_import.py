# want: 2:32: concurrent.futures.ProcessPoolExecutor is not available in scenes: a playground runs one process: use ThreadPoolExecutor (or asyncio.to_thread), whose workers are simulated threads
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

with ThreadPoolExecutor() as pool:
    pass
