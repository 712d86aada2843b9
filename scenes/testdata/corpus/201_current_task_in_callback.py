# Outside a task (in a plain callback) there is no current task.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    def callback():
        task = asyncio.current_task()
        print("current task inside a callback:", task)
        done.set_result(None)

    loop.call_soon(callback)
    await done
    print("current task inside main:", asyncio.current_task().get_name())


asyncio.run(main())
