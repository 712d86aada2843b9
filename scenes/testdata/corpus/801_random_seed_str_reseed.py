# Seeding with a string and re-seeding: the same seed gives the same draws;
# seed(a) with str, bytes and big ints hashes them as CPython 3.11 does.
import asyncio
import random


async def roll(label):
    await asyncio.sleep(random.random())
    print(label, random.randint(1, 6))


async def main():
    random.seed("loopscope")
    first = [random.randint(1, 6) for _ in range(8)]
    random.seed("loopscope")
    again = [random.randint(1, 6) for _ in range(8)]
    print(first, first == again)
    random.seed(b"bytes")
    print(random.random())
    random.seed(2 ** 80 + 7)
    print(random.random(), random.getrandbits(100))
    random.seed(12)
    await asyncio.gather(roll("a"), roll("b"), roll("c"))
    try:
        random.choice([])
    except IndexError as e:
        print("IndexError:", e)
    try:
        random.randrange(5, 5)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
