# Counting loop iterations with a self-rescheduling callback while a task
# sleeps: each sleep(0) costs the task exactly one iteration.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    ticks = [0]
    running = [True]

    def counter():
        ticks[0] += 1
        if running[0]:
            loop.call_soon(counter)

    loop.call_soon(counter)
    for i in range(5):
        await asyncio.sleep(0)
        print(f"after sleep(0) number {i + 1}: counter ran {ticks[0]} times")
    running[0] = False
    await asyncio.sleep(0.5)
    print("after a real sleep the counter stopped at", ticks[0])


asyncio.run(main())
