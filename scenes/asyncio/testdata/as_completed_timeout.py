# as_completed yields coroutines in completion order; a timeout ends it.
import asyncio


async def job(n, d):
    await asyncio.sleep(d)
    return n


async def main():
    for c in asyncio.as_completed([job(1, 0.3), job(2, 0.1), job(3, 0.2)]):
        print("got", await c)
    try:
        for c in asyncio.as_completed([job(4, 0.1), job(5, 2)], timeout=0.5):
            print("got", await c)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
    tasks = [asyncio.create_task(job(i, i / 10)) for i in range(3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.05)
    print(len(done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), pending)


asyncio.run(main())
