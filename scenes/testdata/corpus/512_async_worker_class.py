# A worker pool written as a class, as tutorials do: a queue, worker tasks
# started from a method, results gathered in an attribute, an async method
# that shuts the pool down.
import asyncio


class Pool:
    def __init__(self, size):
        self.queue = asyncio.Queue()
        self.size = size
        self.results = {}
        self.workers = []

    async def worker(self, n):
        while True:
            job = await self.queue.get()
            try:
                await asyncio.sleep(job / 10)
                self.results[job] = f"w{n}"
                print(f"{asyncio.get_running_loop().time():.1f} worker {n} did job {job}")
            finally:
                self.queue.task_done()

    def start(self):
        self.workers = [asyncio.create_task(self.worker(i)) for i in range(self.size)]

    async def submit(self, *jobs):
        for job in jobs:
            await self.queue.put(job)

    async def close(self):
        await self.queue.join()
        for w in self.workers:
            w.cancel()
        await asyncio.gather(*self.workers, return_exceptions=True)
        return len(self.results)


async def main():
    pool = Pool(2)
    pool.start()
    await pool.submit(3, 1, 2, 4)
    done = await pool.close()
    print(done, sorted(pool.results.items()))


asyncio.run(main())
