# Retry with exponential backoff: wait 0.1, 0.2, 0.4 ... between attempts.
import asyncio


async def flaky_call(attempt):
    await asyncio.sleep(0.05)
    if attempt < 4:
        raise RuntimeError(f"attempt {attempt}: no route")
    return "200 OK"


async def with_backoff(max_tries):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    delay = 0.1
    for attempt in range(1, max_tries + 1):
        try:
            result = await flaky_call(attempt)
            print(f"{loop.time() - t0:.2f} success: {result}")
            return result
        except RuntimeError as e:
            print(f"{loop.time() - t0:.2f} {e}; retrying in {delay:.1f}s")
            await asyncio.sleep(delay)
            delay *= 2
    raise RuntimeError("out of retries")


async def main():
    await with_backoff(6)


asyncio.run(main())
