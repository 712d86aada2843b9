# get_event_loop() outside a running loop makes one on the main thread;
# asyncio.run clears it at the end, after which there is none.
import asyncio
loop = asyncio.get_event_loop()
print(loop.is_running(), loop is asyncio.get_event_loop())
async def main():
    print(asyncio.get_event_loop() is loop)
loop.run_until_complete(main())
print(asyncio.run(main()))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print(e)
