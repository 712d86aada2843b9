# functools.partial hands keyword arguments to run_in_executor, whose worker
# threads block in time.sleep: the partial's call runs as the function's own.
import asyncio
import time
from functools import partial, wraps


def fetch(name, delay, retries=1):
    time.sleep(delay)
    return f"{name} after {delay}s ({retries} tries)"


def logged(fn):
    def wrapper(*args, **kwargs):
        print(f"call {fn.__name__}{args}")
        return fn(*args, **kwargs)
    return wraps(fn)(wrapper)


def add(a, b):
    return a + b


add = logged(add)


async def main():
    loop = asyncio.get_running_loop()
    jobs = [
        loop.run_in_executor(None, partial(fetch, "a", 0.3, retries=2)),
        loop.run_in_executor(None, partial(fetch, "b", 0.1)),
        loop.run_in_executor(None, partial(partial(fetch, "c"), 0.2, retries=3)),
    ]
    for job in asyncio.as_completed(jobs):
        print(f"{loop.time():.1f}", await job)
    p = partial(fetch, "d", retries=5)
    print(p.func.__name__, p.args, p.keywords)
    print(await asyncio.to_thread(p, 0.4), f"{loop.time():.1f}")
    print(add(2, 3), add.__name__, add.__qualname__, add.__wrapped__.__name__)
    try:
        partial()
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
