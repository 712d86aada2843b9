import asyncio
import time
import concurrent.futures as cf


def job(name, d, fail=False):
    time.sleep(d)
    if fail:
        raise ValueError(name)
    print(f'{time.monotonic():.2f} job {name} done')
    return name


def cb(f):
    print(f'{time.monotonic():.2f} cb', f.exception() is None)


async def main():
    loop = asyncio.get_running_loop()

    async def ticker():
        for i in range(4):
            await asyncio.sleep(0.5)
            print(f'{loop.time():.2f} tick', i)

    t = asyncio.create_task(ticker())
    futs = []
    futs.append(loop.run_in_executor(None, job, 'j0', 1.5, False))
    await asyncio.sleep(0.3)
    futs.append(loop.run_in_executor(None, job, 'j1', 1.5, False))
    await asyncio.sleep(0.3)
    futs.append(loop.run_in_executor(None, job, 'j2', 1.5, False))
    futs.append(loop.run_in_executor(None, job, 'j3', 0.25, False))
    time.sleep(0.1)
    futs.append(loop.run_in_executor(None, job, 'j4', 1, False))
    futs.append(loop.run_in_executor(None, job, 'j5', 0.1, False))
    futs.append(asyncio.ensure_future(asyncio.to_thread(job, 'j6', 0.1, False)))
    res = await asyncio.gather(*futs, return_exceptions=True)
    print(f'{loop.time():.2f} gathered', [type(r).__name__ for r in res])
    await t
    print(f'{loop.time():.2f} main end')


asyncio.run(main())
print(f'{time.monotonic():.2f} after run')
