import asyncio
import time

START = time.monotonic()
PAGES = {"home": 0.6, "news": 1.1, "shop": 0.8, "blog": 0.5, "help": 0.9, "about": 0.4}
in_flight = 0


def now():
    return f"{time.monotonic() - START:.1f}s"


async def download(page, limit):
    global in_flight
    async with limit:  # at most two downloads hold the semaphore at once
        in_flight += 1
        print(f"{now()}  start {page:<5} ({in_flight} in flight)  #state Semaphore={limit._value}")
        await asyncio.sleep(PAGES[page])
        in_flight -= 1
        print(f"{now()}  got   {page}  #state Semaphore={limit._value}")
        return round(PAGES[page] * 50)  # pretend size in kB


async def main():
    limit = asyncio.Semaphore(2)
    # Fan out: one task per page, all created at once.
    tasks = [asyncio.create_task(download(page, limit)) for page in PAGES]
    print(f"{now()}  fanned out {len(tasks)} downloads, 2 allowed at a time")
    # Fan in: gather collects every result, in the order of the pages.
    sizes = await asyncio.gather(*tasks)
    print(f"{now()}  fanned in: {sizes}, total {sum(sizes)} kB")


asyncio.run(main())
