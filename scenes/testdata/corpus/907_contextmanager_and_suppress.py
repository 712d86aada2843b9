# Sync context managers written as generators: the with block's exception
# is thrown in at the yield; suppress, nullcontext and an ExitStack of
# resources around a worker thread's job.
import asyncio
import time
from contextlib import ExitStack, closing, contextmanager, nullcontext, suppress


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        print("tag caught", repr(e))
    finally:
        print(f"</{name}>")


@contextmanager
def timed(label):
    start = time.monotonic()
    yield
    print(f"{label} took {time.monotonic() - start:.1f}s")


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return False

    def close(self):
        print("close", self.name)


def blocking_job(n):
    with timed(f"job {n}"):
        time.sleep(0.5 * n)
    return n * 10


async def main():
    with tag("a") as t:
        print("inside", t)
    with tag("b"):
        raise KeyError("k")
    try:
        with tag("c"):
            raise ValueError("v")
    except ValueError as e:
        print("outside got", e)
    for cm in (no_yield, two_yields):
        try:
            with cm():
                pass
        except RuntimeError as e:
            print("RuntimeError:", e)
    results = await asyncio.gather(asyncio.to_thread(blocking_job, 1), asyncio.to_thread(blocking_job, 2))
    print(results, asyncio.get_running_loop().time())
    with suppress(KeyError, IndexError):
        [][1]
    print("suppressed")
    with nullcontext(42) as v:
        print("null", v)
    with closing(Resource("file")) as r:
        print("using", r.name)
    try:
        with ExitStack() as stack:
            rs = [stack.enter_context(Resource(n)) for n in "xyz"]
            stack.callback(print, "callback", 1, end="!\n")
            print("stack holds", [r.name for r in rs])
            raise LookupError("in stack")
    except LookupError as e:
        print("stack let through", repr(e))
    try:
        ExitStack().enter_context(3)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
