# shield keeps the inner task running when the outer await is cancelled;
# asyncio.timeout turns the cancellation into TimeoutError; reschedule.
import asyncio


async def work(d, tag):
    await asyncio.sleep(d)
    print("work", tag, "finished at", asyncio.get_running_loop().time())
    return tag


async def main():
    inner = asyncio.create_task(work(1, "shielded"))
    try:
        await asyncio.wait_for(asyncio.shield(inner), 0.5)
    except TimeoutError:
        print("outer timed out; inner done?", inner.done())
    print("inner result", await inner)
    try:
        async with asyncio.timeout(0.3) as cm:
            await work(1, "too slow")
    except TimeoutError:
        print("timeout expired", cm.expired())
    async with asyncio.timeout(0.3) as cm:
        cm.reschedule(asyncio.get_running_loop().time() + 2)
        print(await work(1, "rescheduled"), cm.expired())
    async with asyncio.timeout(None) as cm:
        print("when", cm.when())
        await asyncio.sleep(0.1)
    try:
        async with asyncio.timeout(1):
            async with asyncio.timeout(0.2):
                await asyncio.sleep(5)
    except TimeoutError:
        print("inner timeout first at", asyncio.get_running_loop().time())


asyncio.run(main())
