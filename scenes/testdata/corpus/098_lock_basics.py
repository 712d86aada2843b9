# An asyncio.Lock keeps a critical section to one task at a time.
import asyncio


async def use_printer(name, pages, lock, loop, t0):
    print(f"{loop.time() - t0:.1f} {name} wants the printer (locked: {lock.locked()})")
    async with lock:
        print(f"{loop.time() - t0:.1f} {name} prints {pages} pages")
        await asyncio.sleep(pages * 0.5)
    print(f"{loop.time() - t0:.1f} {name} is done")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    lock = asyncio.Lock()
    await asyncio.gather(
        use_printer("amy", 2, lock, loop, t0),
        use_printer("bo", 1, lock, loop, t0),
        use_printer("cy", 3, lock, loop, t0),
    )
    print("locked at the end:", lock.locked())


asyncio.run(main())
