# Dataclasses as the records tasks pass around: defaults, a
# default_factory list per instance, __post_init__, and reprs and
# equality written from the fields.
import asyncio
from dataclasses import asdict, astuple, dataclass, field, fields, replace


@dataclass
class Job:
    name: str
    seconds: float = 0.1
    tags: list = field(default_factory=list)
    attempts: int = field(default=0, repr=False)


@dataclass
class Report:
    worker: str
    done: list = field(default_factory=list)
    total: float = field(init=False, default=0.0)

    def __post_init__(self):
        self.total = sum(j.seconds for j in self.done)

    def add(self, job):
        self.done.append(job)
        self.total = round(self.total + job.seconds, 2)


async def worker(name, queue, report):
    while True:
        job = await queue.get()
        job.attempts += 1
        await asyncio.sleep(job.seconds)
        job.tags.append(name)
        report.add(job)
        print(f"{asyncio.get_running_loop().time():.1f} {name} finished {job}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for i, secs in enumerate([0.3, 0.1, 0.2, 0.4]):
        queue.put_nowait(Job(f"job{i}", secs))
    queue.put_nowait(Job("quick"))
    reports = [Report("w1"), Report("w2")]
    tasks = [asyncio.create_task(worker(r.worker, queue, r)) for r in reports]
    await queue.join()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    for r in reports:
        print(r.worker, r.total, [j.name for j in r.done])
    first = reports[0].done[0]
    print(asdict(first), astuple(replace(first, tags=[])))
    print([f.name for f in fields(Job)], Job("a") == Job("a"), Job("a") == Job("a", 0.2))
    print(Report("w3", [Job("x", 1.5), Job("y", 0.5)]))
    try:
        Job()
    except TypeError as e:
        print("TypeError:", e)
    try:
        Job("a", 1, [], 0, 5)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
