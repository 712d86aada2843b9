# NaN delays behave as CPython with a real clock: sleep(nan) returns, a
# timer at nan fires at the next iteration, timeout(nan), wait_for(nan)
# and wait(timeout=nan) time out at once.
import asyncio

NAN = float("nan")


async def forever():
    await asyncio.sleep(3600)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(NAN)
    print(f"sleep(nan) returned at {loop.time() - t0:.1f}")
    print("sleep(nan, result)", await asyncio.sleep(NAN, "r"))
    fut = loop.create_future()
    loop.call_later(NAN, fut.set_result, "later")
    print("call_later(nan) fired:", await fut)
    fut = loop.create_future()
    loop.call_at(NAN, fut.set_result, "at")
    print("call_at(nan) fired:", await fut)
    try:
        async with asyncio.timeout(NAN):
            await asyncio.sleep(1)
        print("no timeout")
    except TimeoutError:
        print(f"timeout(nan) raised TimeoutError at {loop.time() - t0:.1f}")
    try:
        await asyncio.wait_for(forever(), NAN)
    except TimeoutError:
        print(f"wait_for(nan) raised TimeoutError at {loop.time() - t0:.1f}")
    task = asyncio.create_task(forever())
    done, pending = await asyncio.wait([task], timeout=NAN)
    print(f"wait(timeout=nan): {len(done)} done, {len(pending)} pending at {loop.time() - t0:.1f}")
    task.cancel()
    print(f"end at {loop.time() - t0:.1f}")


asyncio.run(main())
