# source: https://github.com/goutomroy/digging_asyncio/blob/master/thread_pool_executor.py (digging_asyncio, a learner's asyncio notes on GitHub); edits: only the example in the leading docstring kept, as a program (the rest fetches web pages with urllib)
from concurrent.futures import ThreadPoolExecutor
from time import sleep


def return_after_5_secs(message):
    sleep(5)
    print(1/0)
    return message


if __name__ == "__main__":

    pool = ThreadPoolExecutor(3)
    future = pool.submit(return_after_5_secs, ("hello", "brother"))
    print(future.done())
    sleep(5)
    print(future.done())
    print(future.result())
