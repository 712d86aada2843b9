import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


async def cook(dish, seconds):
    print(f"{now()}  start {dish}")
    await asyncio.sleep(seconds)
    print(f"{now()}  {dish} done")
    return f"{dish} ({seconds}s)"


async def main():
    print(f"{now()}  main runs as {asyncio.current_task().get_name()}")
    soup = asyncio.create_task(cook("soup", 3), name="soup-pot")
    rice = asyncio.create_task(cook("rice", 2), name="rice-cooker")
    print(f"{now()}  created {soup.get_name()} and {rice.get_name()}; soup done? {soup.done()}")

    await asyncio.sleep(0)  # one turn of the loop: both tasks take their first step
    print(f"{now()}  after one turn both have started and are sleeping")

    # gather waits for all of them; a bare coroutine becomes a task of its own.
    results = await asyncio.gather(soup, rice, cook("salad", 1))
    print(f"{now()}  gather returns in argument order: {results}")
    print(f"{now()}  soup done? {soup.done()}, result: {soup.result()!r}")


asyncio.run(main())
