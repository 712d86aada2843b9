# A TaskGroup waits for all its tasks at the end of the async with block.
import asyncio


async def fetch_user(uid):
    await asyncio.sleep(0.1 * uid)
    return {"id": uid, "name": f"user{uid}"}


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_user(uid)) for uid in (3, 1, 2)]
        print("tasks created inside the group")
    print(f"{loop.time() - t0:.1f} the block exits when all are done")
    for t in tasks:
        user = t.result()
        print(f"  {user['id']}: {user['name']}")


asyncio.run(main())
