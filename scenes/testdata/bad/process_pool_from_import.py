# want: 2:32: concurrent.futures.ProcessPoolExecutor is not supported in scenes
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

with ThreadPoolExecutor() as pool:
    pass
