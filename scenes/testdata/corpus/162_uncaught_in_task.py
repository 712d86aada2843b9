# An exception raised inside a task surfaces where the task is awaited,
# and from there it escapes asyncio.run.
import asyncio


async def parse_row(row):
    await asyncio.sleep(0.25)
    name, qty = row.split(":")
    return name, int(qty)


async def main():
    good = asyncio.create_task(parse_row("bolts:40"))
    bad = asyncio.create_task(parse_row("nuts:many"))
    print("parsed", await good)
    print("parsing the second row...")
    print("parsed", await bad)


asyncio.run(main())
