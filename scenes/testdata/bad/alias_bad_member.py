# want: 5:16: asyncio.new_event_loop is not supported in scenes
import asyncio as aio

async def main():
    loop = aio.new_event_loop()

aio.run(main())
