# Awaiting a coroutine that never suspends runs it straight through, like a
# function call: no other task runs in between.
import asyncio


async def add(a, b):
    return a + b


async def chatty(log):
    log.append("chatty runs")


async def main():
    log = []
    asyncio.create_task(chatty(log))
    total = 0
    for i in range(5):
        total = await add(total, i)
        log.append(f"main total {total}")
    await asyncio.sleep(0)
    print("\n".join(log))


asyncio.run(main())
