# Unpacking everywhere: starred assignment targets (first, *rest; a, *b, c;
# nested), * and ** in list, tuple, set and dict displays, print(*xs), and
# unpacking in for loops, over results that tasks return.
import asyncio

first, *rest = [1, 2, 3, 4]
*init, last = "abc"
a, *middle, z = range(6)
(p, q), *others = [(1, 2), (3, 4), (5, 6)]
head, *tail = [0]
print(first, rest, init, last, a, middle, z, p, q, others, head, tail)
try:
    x, *y, w = [1]
except ValueError as e:
    print("ValueError:", e)
nums = [1, 2]
more = (3, 4)
print([*nums, *more], (*nums, *more), {*nums, *more, 1}, [*"hi", *range(2)])
base = {"host": "localhost", "port": 80}
override = {"port": 8080}
print({**base, **override}, {**base, "debug": True, **override})
print(*nums, *more, sep=" < ")
print(*[], "nothing before me")
for i, (name, *scores) in enumerate([("ann", 3, 4), ("bob", 5)]):
    print(i, name, scores, sum(scores))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [*map(sum, matrix)])
t = 1, *nums
print(t)


async def fetch(i):
    await asyncio.sleep(0.1 * i)
    return i, f"item{i}", i * i


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    first, *others = await asyncio.gather(*(fetch(i) for i in range(1, 4)))
    print(f"{loop.time() - t0:.1f} first={first} others={others}")
    for n, (i, label, sq) in enumerate([first, *others]):
        print(n, i, label, sq)
    ids, labels, squares = zip(*others)
    print(ids, labels, squares)
    config = {**{"timeout": 1}, **dict(return_when=asyncio.ALL_COMPLETED)}
    done, _ = await asyncio.wait([asyncio.create_task(fetch(1))], **config)
    (task,) = done
    print(f"{loop.time() - t0:.1f}", *task.result())


asyncio.run(main())
