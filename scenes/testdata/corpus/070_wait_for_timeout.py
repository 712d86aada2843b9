# When wait_for times out it cancels the awaitable, waits for that
# cancellation to finish, then raises TimeoutError.
import asyncio


async def slow_query():
    try:
        print("  query started")
        await asyncio.sleep(5)
        return "rows"
    except asyncio.CancelledError:
        print("  query cancelled, rolling back")
        raise
    finally:
        print("  connection returned to the pool")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(slow_query(), timeout=1.5)
    except asyncio.TimeoutError as e:
        print(f"{loop.time() - t0:.1f} gave up: {type(e).__name__}")
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)


asyncio.run(main())
