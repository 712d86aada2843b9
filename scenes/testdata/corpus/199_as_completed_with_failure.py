# as_completed: a failing awaitable raises at its turn; the loop can catch
# it and keep taking the rest.
import asyncio


async def check(host, seconds, ok):
    await asyncio.sleep(seconds)
    if not ok:
        raise RuntimeError(f"{host} is down")
    return host


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [
        asyncio.create_task(check("alpha", 1.5, True)),
        asyncio.create_task(check("beta", 0.5, False)),
        asyncio.create_task(check("gamma", 1.0, True)),
    ]
    for fut in asyncio.as_completed(tasks):
        try:
            host = await fut
            print(f"{loop.time() - t0:.1f} up: {host}")
        except RuntimeError as e:
            print(f"{loop.time() - t0:.1f} error: {e}")


asyncio.run(main())
