# Catching a TaskGroup's failure: the group raises an ExceptionGroup once
# every task is done; the message counts the sub-exceptions.
import asyncio


async def check(name, seconds, bad):
    await asyncio.sleep(seconds)
    if bad:
        raise ValueError(f"{name} failed validation")
    return name


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            ok = tg.create_task(check("email", 0.25, False))
            tg.create_task(check("phone", 0.5, True))
            slow = tg.create_task(check("address", 2, False))
    except Exception as e:
        print(f"{loop.time() - t0:.1f} {type(e).__name__}: {e}")
    print("email result:", ok.result())
    print("address cancelled:", slow.cancelled())


asyncio.run(main())
