# gather over futures that are already done still completes through a
# callback: main resumes only after the callbacks queued before it.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    a = loop.create_future()
    b = loop.create_future()
    a.set_result(1)
    b.set_result(2)
    loop.call_soon(print, "callback queued before gather")
    g = asyncio.gather(a, b)
    loop.call_soon(print, "callback queued after gather")
    print("gather done right away?", g.done())
    print("results:", await g)


asyncio.run(main())
