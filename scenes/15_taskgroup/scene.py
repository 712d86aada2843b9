import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


async def step(name, seconds, fail=False):
    print(f"{now()}  {name}: start")
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f"{name} found a bad record")
        print(f"{now()}  {name}: done")
        return name
    except asyncio.CancelledError:
        print(f"{now()}  {name}: cancelled by the group")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(step("resize", 1))
        b = tg.create_task(step("upload", 2))
    print(f"{now()}  block left only when every child finished: {a.result()}, {b.result()}")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("thumbnail", 1))
            tg.create_task(step("checksum", 1.5, fail=True))
            tg.create_task(step("archive", 3))
            print(f"{now()}  three children created; none has run yet")
    except Exception as group:
        print(f"{now()}  {type(group).__name__}: {group}")
        for err in group.exceptions:
            print(f"{now()}    {type(err).__name__}: {err}")


asyncio.run(main())
