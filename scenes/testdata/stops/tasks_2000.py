# 2,000 tasks, each sleeping a little, gathered.
import asyncio


async def worker(i):
    await asyncio.sleep(i % 7 / 10)
    return i


async def main():
    done = await asyncio.gather(*[worker(i) for i in range(2000)])
    print(len(done), sum(done))


asyncio.run(main())
