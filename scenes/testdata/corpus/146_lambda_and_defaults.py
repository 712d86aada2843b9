# Lambdas as callbacks and sort keys; default arguments evaluated once.
import asyncio


def make_greeter(greeting="hello", punct="!"):
    return lambda name: f"{greeting}, {name}{punct}"


def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket


async def main():
    loop = asyncio.get_running_loop()
    hi = make_greeter()
    yo = make_greeter("yo", punct="?")
    done = loop.create_future()
    loop.call_later(0.5, lambda: print(hi("loop")))
    loop.call_later(0.75, lambda: print(yo("timer")))
    loop.call_later(1, lambda: done.set_result(sorted([3, 1, 2], key=lambda n: -n)))
    print("sorted by a lambda key:", await done)
    print(append_to(1), append_to(2), "(the default list is shared)")
    square = lambda x: x * x
    print([square(x) for x in [1, 2, 3]])


asyncio.run(main())
