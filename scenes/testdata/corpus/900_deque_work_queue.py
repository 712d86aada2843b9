# A deque as the work queue between a producer and two consumers: the
# producer appends, consumers popleft; a bounded deque keeps the last events.
import asyncio
from collections import deque

jobs = deque()
recent = deque(maxlen=3)


async def producer():
    for n in range(6):
        jobs.append(f"job-{n}")
        print(f"{asyncio.get_running_loop().time():.1f} queued job-{n}: {jobs}")
        await asyncio.sleep(0.1)
    jobs.append(None)
    jobs.append(None)


async def consumer(name):
    while True:
        if not jobs:
            await asyncio.sleep(0.05)
            continue
        job = jobs.popleft()
        if job is None:
            print(f"{name} stops")
            return
        recent.append((name, job))
        await asyncio.sleep(0.25)
        print(f"{name} did {job}")


async def main():
    await asyncio.gather(producer(), consumer("a"), consumer("b"))
    print("recent:", recent, "maxlen", recent.maxlen)
    d = deque(range(5))
    d.rotate(2)
    d.appendleft(-1)
    d.extend([7, 8])
    d.extendleft("xy")
    print(d, len(d), d[0], d[-1], 7 in d)
    d.rotate(-3)
    print(d.pop(), d.popleft(), d, d.count(7), d.index(7))
    d.remove(7)
    d.reverse()
    print(d, list(reversed(d)), d == deque(d))
    try:
        deque().popleft()
    except IndexError as e:
        print("IndexError:", e)
    try:
        d[99]
    except IndexError as e:
        print("IndexError:", e)


asyncio.run(main())
