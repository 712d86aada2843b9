# An Enum of job states that tasks move through; members print as
# Status.DONE, repr as <Status.DONE: 3>, and look up by value and name.
import asyncio
from enum import Enum, auto


class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()
    FAILED = auto()

    def finished(self):
        return self in (Status.DONE, Status.FAILED)


class Job:
    def __init__(self, name, seconds, fail=False):
        self.name = name
        self.seconds = seconds
        self.fail = fail
        self.status = Status.PENDING

    async def run(self):
        self.status = Status.RUNNING
        print(f"{asyncio.get_running_loop().time():.1f} {self.name}: {self.status}")
        await asyncio.sleep(self.seconds)
        self.status = Status.FAILED if self.fail else Status.DONE
        print(f"{asyncio.get_running_loop().time():.1f} {self.name}: {self.status!r}")
        return self.status


async def main():
    jobs = [Job("a", 0.2), Job("b", 0.1, fail=True), Job("c", 0.3)]
    results = await asyncio.gather(*(j.run() for j in jobs))
    print(results)
    print([s.name for s in Status], len(Status), Status(3), Status["FAILED"].value)
    print(all(j.status.finished() for j in jobs), Status.RUNNING.finished())
    counts = {s: 0 for s in Status}
    for r in results:
        counts[r] += 1
    print(counts)
    print(Status.DONE is Status(3), Status.DONE == Status.DONE, Status.DONE == 3, isinstance(Status.DONE, Status))
    print(f"{Status.DONE}", str(Status.PENDING), repr(Status), Status.DONE in Status)
    try:
        Status(9)
    except ValueError as e:
        print("ValueError:", e)
    try:
        Status["UNKNOWN"]
    except KeyError as e:
        print("KeyError:", e)


asyncio.run(main())
