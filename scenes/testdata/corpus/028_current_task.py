# current_task() tells a coroutine which task is running it.
import asyncio


async def whoami(label):
    me = asyncio.current_task()
    print(f"{label}: running in {me.get_name()}")
    await asyncio.sleep(0.1)
    print(f"{label}: still {asyncio.current_task().get_name()} after sleeping")
    return me


async def main():
    main_task = asyncio.current_task()
    print("main task:", main_task.get_name())
    same = await whoami("plain await")
    print("a plain await runs in the caller's task:", same is main_task)
    child = asyncio.create_task(whoami("child"), name="helper")
    got = await child
    print("the child ran in its own task:", got is child)


asyncio.run(main())
