# IntEnum members compare and compute like their int values: priorities
# for a PriorityQueue, printed as numbers by str() and f-strings.
import asyncio
from enum import IntEnum, auto


class Priority(IntEnum):
    HIGH = 1
    MEDIUM = auto()
    LOW = auto()


async def worker(queue):
    while True:
        prio, seq, text = await queue.get()
        await asyncio.sleep(0.1 * prio)
        print(f"{asyncio.get_running_loop().time():.1f} [{prio.name}] {text}")
        queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    for seq, (prio, text) in enumerate([(Priority.LOW, "tidy up"), (Priority.HIGH, "fix outage"), (Priority.MEDIUM, "review"), (Priority.HIGH, "page on-call")]):
        queue.put_nowait((prio, seq, text))
    task = asyncio.create_task(worker(queue))
    await queue.join()
    task.cancel()
    print(Priority.HIGH < Priority.LOW, Priority.LOW == 3, Priority.MEDIUM + 1, Priority.LOW * 10)
    print(str(Priority.HIGH), f"{Priority.MEDIUM}", repr(Priority.LOW), Priority(2), sorted(Priority, reverse=True))
    print(max(Priority), [p.value for p in Priority], Priority.HIGH.name)


asyncio.run(main())
