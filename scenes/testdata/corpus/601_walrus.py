# The walrus := binds a name inside an expression: in while and if
# conditions, in calls, and in comprehensions, where it binds in the
# enclosing function (or at module level), not in the comprehension.
import asyncio

readings = [3, 14, 9, 27, 5]
if (n := len(readings)) > 3:
    print("readings:", n)
print([y for x in readings if (y := x * 2) > 20], "last y:", y)


def running_totals(values):
    total = 0
    sums = [total := total + v for v in values]
    return sums, total


def first_big(values, limit):
    if any((hit := v) > limit for v in values):
        return hit
    return None


print(running_totals(readings))
print(first_big(readings, 10), first_big(readings, 100))
print({(key := k): key * 2 for k in "ab"}, key)
print(f"{(w := 5)} squared is {w * w}")


async def fetch(i):
    await asyncio.sleep(0.1 * i)
    return i * 10


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    q = asyncio.Queue()
    for i in (1, 2, None):
        q.put_nowait(i)
    while (item := q.get_nowait()) is not None:
        print(item)
    if (result := await fetch(3)) > 20:
        print(f"{loop.time() - t0:.1f} fetched {result}")
    results = [r for i in range(3) if (r := await fetch(i)) != 10]
    print(f"{loop.time() - t0:.1f} kept {results}, last r={r}")
    tasks = [asyncio.create_task(fetch(i)) for i in range(3)]
    while tasks:
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        print(f"{loop.time() - t0:.1f} done {sorted(t.result() for t in done)}")
        tasks = list(pending)
    print(f"{(now := loop.time()) - t0:.1f}", now >= t0)


asyncio.run(main())
