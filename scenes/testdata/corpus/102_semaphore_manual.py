# acquire() and release() by hand; waiters are admitted in FIFO order.
import asyncio


async def guest(name, sem, loop, t0, stay):
    await sem.acquire()
    try:
        print(f"{loop.time() - t0:.1f} {name} enters")
        await asyncio.sleep(stay)
    finally:
        print(f"{loop.time() - t0:.1f} {name} leaves")
        sem.release()


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    room = asyncio.Semaphore(1)
    guests = [asyncio.create_task(guest(n, room, loop, t0, s))
              for n, s in [("ivy", 1), ("jon", 0.5), ("kai", 1.5)]]
    await asyncio.sleep(0)
    print("room full:", room.locked())
    await asyncio.gather(*guests)


asyncio.run(main())
