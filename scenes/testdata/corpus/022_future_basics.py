# A Future is a placeholder for a result that will arrive later.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    fut = loop.create_future()
    print("pending:", not fut.done())
    loop.call_later(1.5, fut.set_result, "the parcel")
    print("waiting for the delivery...")
    parcel = await fut
    print(f"{loop.time() - t0:.1f} received {parcel}")
    print("done:", fut.done(), "result:", fut.result())
    try:
        fut.set_result("a second parcel")
    except asyncio.InvalidStateError as e:
        print("cannot set twice:", e)


asyncio.run(main())
