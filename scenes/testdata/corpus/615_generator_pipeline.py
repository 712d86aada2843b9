# A pipeline of sync generators (each one a stage, chained with yield from
# and generator expressions) consumed by asyncio tasks that pace the work.
import asyncio


def read_lines():
    yield from ["alpha 3", "beta x", "", "gamma 5", "delta 2"]


def parse(lines):
    for line in lines:
        if not line:
            continue
        name, _, count = line.partition(" ")
        try:
            yield name, int(count)
        except ValueError:
            print(f"  skipping {name!r}: bad count {count!r}")


def expand(records):
    for name, count in records:
        yield from ((name, i) for i in range(1, count + 1))


def batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def worker(n, queue, done):
    while (batch := await queue.get()) is not None:
        await asyncio.sleep(0.1 * len(batch))
        done.append((n, batch[0][0], len(batch)))
        queue.task_done()
    queue.task_done()


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    queue = asyncio.Queue()
    done = []
    workers = [asyncio.create_task(worker(n, queue, done)) for n in range(2)]
    for batch in batches(expand(parse(read_lines())), 3):
        await queue.put(batch)
    for _ in workers:
        await queue.put(None)
    await queue.join()
    print(f"{loop.time() - t0:.1f} processed {sum(n for _, _, n in done)} items in {len(done)} batches")
    for entry in sorted(done):
        print(entry)


asyncio.run(main())
