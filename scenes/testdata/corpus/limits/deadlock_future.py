# Awaiting a future that nothing will ever complete: with no timers and no
# threads left, the loop would wait forever. The harness reports a deadlock.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    reply = loop.create_future()
    print("waiting for a reply that never comes")
    await reply
    print("never printed")


asyncio.run(main())
