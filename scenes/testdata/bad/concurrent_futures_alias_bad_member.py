# want: 4:9: concurrent.futures.ProcessPoolExecutor is not supported in scenes
import concurrent.futures as cf

with cf.ProcessPoolExecutor() as ex:
    pass
