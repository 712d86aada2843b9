# Each loop iteration runs only the callbacks that were ready when it began.
# A callback that schedules another with call_soon pushes it to the next
# iteration, and due timers join the queue between iterations.
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    def spinner(n):
        print(f"spinner {n}")
        if n < 3:
            loop.call_soon(spinner, n + 1)

    def timer():
        print("timer due now")

    loop.call_soon(spinner, 1)
    loop.call_later(0, timer)
    loop.call_soon(print, "second call_soon")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.sleep(0)
    print("main resumed again")


asyncio.run(main())
