# Callable instances where asyncio expects functions: a done callback, a
# call_later callback with arguments, a function run in the default
# executor's thread, and a key function for sorted.
import asyncio


class Recorder:
    def __init__(self, tag):
        self.tag = tag
        self.seen = []

    def __call__(self, *args):
        self.seen.append(args)
        print(f"{asyncio.get_running_loop().time():.1f} {self.tag} called with {len(args)} args")


class Multiply:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k


class ByLength:
    def __call__(self, s):
        return (len(s), s)


async def main():
    loop = asyncio.get_running_loop()
    rec = Recorder("rec")
    fut = loop.create_future()
    fut.add_done_callback(rec)
    loop.call_later(0.5, rec, "a", "b")
    loop.call_soon(fut.set_result, 1)
    await asyncio.sleep(1)
    print(len(rec.seen), rec.seen[1])
    print(await loop.run_in_executor(None, Multiply(7), 6))
    print(await asyncio.to_thread(Multiply(3), 5))
    print(sorted(["ccc", "a", "bb", "aa"], key=ByLength()))


asyncio.run(main())
