# Seeded random delays: with random.seed(444) every run of CPython draws the
# same numbers, and so do the scenes (CPython's own Mersenne Twister).
import asyncio
import random

random.seed(444)


async def worker(name):
    delay = random.randint(1, 5) / 10
    await asyncio.sleep(delay)
    print(f"{name} slept {delay}")
    return random.random()


async def main():
    results = await asyncio.gather(*(worker(f"w{i}") for i in range(5)))
    print([round(r, 6) for r in results])
    print(random.choice(["red", "green", "blue"]), random.sample(range(100), 5))
    deck = list(range(10))
    random.shuffle(deck)
    print(deck)
    print(random.uniform(1.5, 2.5), random.gauss(10, 2), random.expovariate(3))
    print(random.choices("abc", weights=[5, 1, 1], k=6), random.getrandbits(40), random.randrange(0, 100, 5))


asyncio.run(main())
