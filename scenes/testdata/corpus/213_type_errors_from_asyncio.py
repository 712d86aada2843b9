# Handing asyncio something that is not awaitable fails with TypeError.
import asyncio


def plain():
    return 42


async def main():
    try:
        asyncio.create_task(plain())
    except Exception as e:
        print(type(e).__name__ + ":", e)
    try:
        await asyncio.gather(plain())
    except Exception as e:
        print(type(e).__name__ + ":", e)
    print("iscoroutine of a task:", asyncio.iscoroutine(asyncio.create_task(asyncio.sleep(0))))
    await asyncio.sleep(0)


asyncio.run(main())
