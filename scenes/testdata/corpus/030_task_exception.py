# An exception inside a task is stored in the task; awaiting the task
# re-raises it in the awaiting coroutine.
import asyncio


async def parse(text):
    await asyncio.sleep(0.25)
    return int(text)


async def main():
    good = asyncio.create_task(parse("42"))
    bad = asyncio.create_task(parse("forty-two"))
    await asyncio.sleep(0.5)
    print("both done:", good.done(), bad.done())
    print("good result:", good.result())
    err = bad.exception()
    print("bad exception:", type(err).__name__, "-", err)
    try:
        await bad
    except ValueError as e:
        print("await re-raised:", e)


asyncio.run(main())
