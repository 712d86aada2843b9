# A child cancelled on its own (not through the gather): with
# return_exceptions=True the gather reports it as a CancelledError value;
# without it, the gather itself raises CancelledError.
import asyncio


async def job(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    a = asyncio.create_task(job("a", 1))
    b = asyncio.create_task(job("b", 2))
    asyncio.get_running_loop().call_later(0.5, b.cancel)
    results = await asyncio.gather(a, b, return_exceptions=True)
    print([type(r).__name__ for r in results], results[0])

    c = asyncio.create_task(job("c", 1))
    d = asyncio.create_task(job("d", 2))
    asyncio.get_running_loop().call_later(0.5, d.cancel)
    try:
        await asyncio.gather(c, d)
    except asyncio.CancelledError:
        print("gather raised CancelledError; c still running:", not c.done())
    print("c finishes anyway:", await c)


asyncio.run(main())
