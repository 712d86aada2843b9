# A worker thread can run a whole second event loop with asyncio.run;
# both loops share the one clock.
import asyncio
import time

start = time.monotonic()


async def inner_job():
    for i in range(2):
        await asyncio.sleep(0.4)
        print(f"{time.monotonic() - start:.1f} inner loop step {i}")
    return "inner done"


def thread_body():
    return asyncio.run(inner_job())


async def main():
    ticker = asyncio.create_task(asyncio.sleep(1.0, result="outer done"))
    result = await asyncio.to_thread(thread_body)
    print(f"{time.monotonic() - start:.1f} thread returned {result!r}")
    outer = await ticker
    print(f"{time.monotonic() - start:.1f} {outer}")


asyncio.run(main())
