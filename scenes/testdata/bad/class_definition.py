# want: 4:1: class definitions are not supported in scenes
import asyncio

class Worker:
    async def run(self):
        await asyncio.sleep(1)

asyncio.run(Worker().run())
