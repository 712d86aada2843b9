import asyncio
import concurrent.futures
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


def convert(name, seconds):  # plain blocking code: it would freeze the loop
    time.sleep(seconds)
    print(f"{now()}    [thread] {name}: done")
    return f"{name}.pdf"


async def ticker():
    await asyncio.sleep(0.2)
    for i in range(5):
        print(f"{now()}  loop: tick {i}, still free")
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    tick = asyncio.create_task(ticker())
    jobs = [("a", 0.9), ("b", 1.3), ("c", 0.7), ("d", 1.1)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        # Two workers, four jobs: c and d wait in the pool's queue.
        print(f"{now()}  main: handing 4 jobs to 2 worker threads")
        futures = [loop.run_in_executor(pool, convert, n, s) for n, s in jobs]
        results = await asyncio.gather(*futures)
    print(f"{now()}  main: all converted: {results}")

    # asyncio.to_thread: the same idea with the loop's default executor.
    report = await asyncio.to_thread(convert, "report", 0.3)
    print(f"{now()}  main: to_thread gave {report}")
    await tick


asyncio.run(main())
