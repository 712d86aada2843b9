# want: 4:9: concurrent.futures.ProcessPoolExecutor is not available in scenes: a playground runs one process: use ThreadPoolExecutor (or asyncio.to_thread), whose workers are simulated threads
import concurrent.futures as cf

with cf.ProcessPoolExecutor() as ex:
    pass
