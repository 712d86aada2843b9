# Done-callbacks run in the order they were added, one loop turn after the
# future completes, each receiving the future.
import asyncio


def announce(fut):
    print("  announce sees", fut.result())


def log_to_disk(fut):
    print("  log_to_disk sees", fut.result())


def never(fut):
    print("  this callback was removed")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(announce)
    fut.add_done_callback(never)
    fut.add_done_callback(log_to_disk)
    fut.add_done_callback(never)
    removed = fut.remove_done_callback(never)
    print("removed", removed, "callbacks")
    fut.set_result("order #17")
    print("set_result returned; callbacks have not run yet")
    await asyncio.sleep(0)
    print("after one loop turn")


asyncio.run(main())
