# A plain callback can start a task; the task's first step runs in the
# next iteration.
import asyncio


async def greet(name):
    print(f"task greets {name}")
    await asyncio.sleep(0.5)
    print(f"task says bye to {name}")


async def main():
    loop = asyncio.get_running_loop()
    started = []

    def on_timer():
        print("timer callback creates a task")
        started.append(asyncio.create_task(greet("timer")))
        print("timer callback returns")

    loop.call_later(0.25, on_timer)
    await asyncio.sleep(1)
    print("task done:", started[0].done())


asyncio.run(main())
