# Several tasks awaiting one failed future each get the exception.
import asyncio


async def reader(name, fut):
    try:
        data = await fut
        print(name, "read", data)
    except RuntimeError as e:
        print(f"{name} got {type(e).__name__}: {e}")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    readers = [asyncio.create_task(reader(n, fut)) for n in ("r1", "r2", "r3")]
    await asyncio.sleep(0.5)
    fut.set_exception(RuntimeError("disk failed"))
    await asyncio.gather(*readers)
    print("future exception:", fut.exception())


asyncio.run(main())
