# Allocates without end.
import asyncio


async def main():
    hoard = []
    while True:
        hoard.append("x" * 1000)
        if len(hoard) % 1000 == 0:
            await asyncio.sleep(0)


asyncio.run(main())
