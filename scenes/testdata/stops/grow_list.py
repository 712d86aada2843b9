# A list that grows for ever, one item a turn of the loop: the trace of its
# turns outgrows the list itself.
import asyncio


async def main():
    items = []
    while True:
        items.append(len(items))
        await asyncio.sleep(0)


asyncio.run(main())
