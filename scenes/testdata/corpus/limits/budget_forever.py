# A scene that never ends: a heartbeat every 1000 s forever. The harness
# stops it when virtual time would pass 100000 s.
import asyncio


async def main():
    beats = 0
    while True:
        await asyncio.sleep(1000)
        beats += 1
        if beats % 25 == 0:
            print("still beating:", beats)


asyncio.run(main())
