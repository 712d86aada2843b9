# lru_cache on a plain helper that tasks call: the second task that asks for
# the same answer gets the cached one; cache_info counts hits and misses.
import asyncio
import functools
from functools import lru_cache, partial, reduce


def slow_square(n):
    print(f"  computing {n}^2")
    return n * n


slow_square = lru_cache(maxsize=2)(slow_square)


async def worker(name, numbers):
    total = 0
    for n in numbers:
        total += slow_square(n)
        await asyncio.sleep(0.1)
    print(f"{name}: total {total}")
    return total


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


fib = functools.cache(fib)


async def main():
    totals = await asyncio.gather(worker("a", [1, 2, 3, 1]), worker("b", [2, 3, 4, 2]))
    print(totals, slow_square.cache_info())
    info = slow_square.cache_info()
    print(info.hits, info.misses, info[2], slow_square.__name__, slow_square.__wrapped__.__name__)
    slow_square.cache_clear()
    print(slow_square.cache_info())
    print(fib(90), fib.cache_info())
    print(reduce(lambda a, b: a * b, range(1, 11)), reduce(max, [3, 9, 2], 0))
    try:
        reduce(lambda a, b: a + b, [])
    except TypeError as e:
        print("TypeError:", e)
    try:
        fib([1])
    except TypeError as e:
        print("TypeError:", e)
    # partial as a callback for the loop
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_later(0.5, partial(done.set_result, "called back"))
    print(await done, loop.time())


asyncio.run(main())
