# asyncio.Barrier (3.11): tasks wait until the barrier has its parties,
# then pass together; reset() and abort() break it for those waiting.
import asyncio

async def worker(b, n):
    print("arrive", n, b.n_waiting)
    r = await b.wait()
    print("pass", n, r)
    return r

async def example_barrier():
   # barrier with 3 parties
   b = asyncio.Barrier(3)

   # create 2 new waiting tasks
   asyncio.create_task(b.wait())
   asyncio.create_task(b.wait())

   await asyncio.sleep(0)
   print(str(b).split(" [")[1])

   # The third .wait() call passes the barrier
   await b.wait()
   print(str(b).split(" [")[1])
   print("barrier passed")

   await asyncio.sleep(0)
   print(str(b).split(" [")[1])

async def main():
    await example_barrier()
    b = asyncio.Barrier(3)
    print(b.parties, b.n_waiting, b.broken)
    print(await asyncio.gather(*(worker(b, i) for i in range(3))))
    t = asyncio.create_task(worker(b, 9))
    await asyncio.sleep(0.1)
    await b.reset()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        print("broken:", e)
    async def enter(n):
        async with b as pos:
            print("in", n, pos)
    await asyncio.gather(*(enter(i) for i in range(3)))
    async def late():
        try:
            await b.wait()
        except asyncio.BrokenBarrierError as e:
            print("late:", repr(e))
    t = asyncio.create_task(late())
    await asyncio.sleep(1)
    await b.abort()
    await t
    print(b.broken, b.n_waiting)
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("after abort:", e)

asyncio.run(main())
