# queue.join() waits until every item has been marked task_done();
# then the idle workers are cancelled.
import asyncio


async def worker(name, q, loop, t0):
    while True:
        job = await q.get()
        await asyncio.sleep(job)
        print(f"{loop.time() - t0:.2f} {name} finished a {job}s job")
        q.task_done()


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    q = asyncio.Queue()
    for job in [0.5, 0.25, 1.0, 0.5, 0.5]:
        q.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", q, loop, t0)) for i in range(2)]
    await q.join()
    print(f"{loop.time() - t0:.2f} all jobs done, queue empty: {q.empty()}")
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print("workers stopped:", [type(r).__name__ for r in results])


asyncio.run(main())
