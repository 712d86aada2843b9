# itertools around tasks: islice batches the work, count numbers the tasks,
# chain and groupby sort out the results, accumulate gives running totals.
import asyncio
import itertools
from itertools import accumulate, chain, count, groupby, islice, zip_longest


async def job(n):
    await asyncio.sleep(0.1 * (n % 3))
    return n * n


def batches(iterable, size):
    it = iter(iterable)
    while True:
        batch = list(islice(it, size))
        if not batch:
            return
        yield batch


async def main():
    ids = count(1)
    results = []
    for batch in batches(range(7), 3):
        got = await asyncio.gather(*(job(n) for n in batch))
        print(f"batch {next(ids)} at {asyncio.get_running_loop().time():.1f}: {got}")
        results.append(got)
    flat = list(chain.from_iterable(results))
    print(flat, list(accumulate(flat)), list(accumulate(flat, max, initial=-1)))
    for parity, group in groupby(sorted(flat, key=lambda x: x % 2), key=lambda x: x % 2):
        print("odd" if parity else "even", list(group))
    print(list(zip_longest("abc", [1, 2], fillvalue="?")))
    print(list(itertools.product("ab", repeat=2)), list(itertools.permutations([1, 2, 3], 2))[:3])
    print(list(itertools.combinations("abcd", 2)), list(itertools.starmap(pow, [(2, 5), (3, 3)])))
    print(list(itertools.takewhile(lambda x: x < 10, flat)), list(itertools.dropwhile(lambda x: x < 10, flat)))
    spinner = itertools.cycle("|/-\\")
    print("".join(next(spinner) for _ in range(6)), list(itertools.repeat("x", 3)))
    a, b = itertools.tee(iter(flat[:4]))
    print(list(a), list(b), list(itertools.pairwise("abcd")))
    print(repr(count(5)), repr(count(0, 0.5)), repr(itertools.repeat(None, 2)))
    try:
        islice(flat, -1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
