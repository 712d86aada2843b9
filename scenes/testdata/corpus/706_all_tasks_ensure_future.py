# all_tasks() lists the loop's tasks not done yet; ensure_future wraps a
# coroutine in a new task and returns a future or task as it is.
import asyncio


async def nap(n):
    await asyncio.sleep(n)
    return n


async def main():
    t1 = asyncio.ensure_future(nap(1))
    t2 = asyncio.create_task(nap(2), name="napper")
    print(type(t1).__name__, t1.get_name())
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print("pending:", names)
    print("current is listed:", asyncio.current_task() in asyncio.all_tasks())
    print(asyncio.ensure_future(t1) is t1)
    fut = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(fut) is fut)
    fut.set_result("ready")
    print(await t1, await fut)
    print("pending:", sorted(t.get_name() for t in asyncio.all_tasks()))
    await t2
    print("pending:", sorted(t.get_name() for t in asyncio.all_tasks()))
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
print(len(asyncio.all_tasks(asyncio.new_event_loop())))
