# order=True makes dataclasses sortable by their fields, in order: a
# PriorityQueue of work items where the payload does not take part in
# comparisons (field(compare=False)).
import asyncio
from dataclasses import dataclass, field


@dataclass(order=True)
class Item:
    priority: int
    seq: int
    payload: str = field(compare=False)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0


async def consumer(q):
    while True:
        item = await q.get()
        await asyncio.sleep(0.1)
        print(f"{asyncio.get_running_loop().time():.1f} handled {item}")
        q.task_done()


async def main():
    q = asyncio.PriorityQueue()
    for seq, (prio, what) in enumerate([(3, "log"), (1, "alert"), (2, "email"), (1, "page")]):
        await q.put(Item(prio, seq, what))
    task = asyncio.create_task(consumer(q))
    await q.join()
    task.cancel()
    print(Item(1, 0, "a") < Item(1, 1, "b"), Item(1, 0, "a") == Item(1, 0, "z"))
    versions = [Version(1, 2), Version(0, 9), Version(1), Version(1, 10)]
    print(sorted(versions), max(versions), Version(1) <= Version(1, 0))
    print(len({Version(1), Version(1, 0), Version(2)}))
    try:
        Item(1, 0, "a") < 5
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
