# Runs forever in virtual time: a heartbeat that never stops.
import asyncio


async def main():
    beats = 0
    while True:
        await asyncio.sleep(60)
        beats += 1


asyncio.run(main())
