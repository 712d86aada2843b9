# Yields forever at the same instant: no budget on time or steps is hit
# quickly, but the trace grows without end.
import asyncio


async def main():
    while True:
        await asyncio.sleep(0)


asyncio.run(main())
