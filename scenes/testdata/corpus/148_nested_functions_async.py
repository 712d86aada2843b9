# A coroutine defined inside a function: a factory of retrying workers.
import asyncio


def make_worker(name, failures_before_success):
    attempts = 0

    async def attempt():
        nonlocal attempts
        attempts += 1
        await asyncio.sleep(0.25)
        if attempts <= failures_before_success:
            raise RuntimeError(f"{name} attempt {attempts} failed")
        return f"{name} succeeded on attempt {attempts}"

    return attempt


async def retry(work, tries):
    for i in range(tries):
        try:
            return await work()
        except RuntimeError as e:
            print("  retrying after:", e)
    return "gave up"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await retry(make_worker("upload", 2), 5))
    print(await retry(make_worker("sync", 9), 3))
    print(f"total {loop.time() - t0:.2f}s")


asyncio.run(main())
