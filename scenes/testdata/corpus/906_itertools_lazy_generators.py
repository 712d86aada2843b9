# itertools is lazy: islice takes from a generator only what it needs, and
# chain starts the next iterable only when the first one ends.
import asyncio
from itertools import chain, count, cycle, islice, groupby


def numbers(label):
    for n in count():
        print(f"  {label} makes {n}")
        yield n


async def ticker(name, colors):
    for color in islice(cycle(colors), 4):
        print(f"{name}: {color}")
        await asyncio.sleep(0.5)


async def main():
    print(list(islice(numbers("A"), 2, 8, 3)))
    stream = chain(islice(numbers("B"), 2), ["end"])
    print(next(stream))
    print(list(stream))
    await asyncio.gather(ticker("left", "RG"), ticker("right", ["blue"]))
    runs = [(k, len(list(g))) for k, g in groupby("aaabccdddd")]
    print(runs)
    groups = list(groupby("aabbc"))
    print([(k, list(g)) for k, g in groups])


asyncio.run(main())
