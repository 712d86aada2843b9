# asyncio.run cancels leftover tasks; one of them takes time to clean up,
# and prints from its finally block happen before run returns.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: cancelled, cleaning up", asyncio.current_task().get_name())
        await asyncio.sleep(1)
        print("stubborn: cleaned up at", asyncio.get_running_loop().time())
        return "swallowed"


TICKS = []


async def ticker():
    n = 0
    try:
        while True:
            await asyncio.sleep(0.3)
            n += 1
    finally:
        TICKS.append(n)


async def main():
    asyncio.create_task(stubborn())
    asyncio.create_task(ticker())
    await asyncio.sleep(1)
    print("main done; tasks:", len(asyncio.all_tasks()))


asyncio.run(main())
print("after run", TICKS)
asyncio.run(main())
print("ticks", TICKS)
