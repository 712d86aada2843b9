# The smallest asyncio program: asyncio.run starts an event loop,
# runs one coroutine to completion, and closes the loop.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("hello from a coroutine")
    await asyncio.sleep(1)
    print(f"{loop.time() - start:.1f} one second later, still on the same loop")
    return "finished"


result = asyncio.run(main())
print("asyncio.run returned", repr(result))
