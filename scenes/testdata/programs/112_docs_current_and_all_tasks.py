# source: https://docs.python.org/3.11/library/asyncio-task.html#introspection (current_task, all_tasks); edits: the two functions used in one small program
import asyncio

async def worker(n):
    await asyncio.sleep(n)

async def main():
    me = asyncio.current_task()
    print(me.get_name())
    tasks = [asyncio.create_task(worker(i), name=f'worker-{i}') for i in range(1, 4)]
    await asyncio.sleep(0)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*tasks)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))

asyncio.run(main())
