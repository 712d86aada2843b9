# Instances whose class defines __await__ given to asyncio: gather and
# ensure_future wrap them in tasks, wait_for awaits them, create_task
# refuses them (it wants a coroutine).
import asyncio

class Delay:
    def __init__(self, s, v):
        self.s, self.v = s, v
    def __await__(self):
        return self.run().__await__()
    async def run(self):
        await asyncio.sleep(self.s)
        return self.v

async def main():
    print(await asyncio.gather(Delay(0.2, "a"), Delay(0.1, "b")))
    print(await asyncio.wait_for(Delay(0.1, "c"), 1))
    t = asyncio.ensure_future(Delay(0.1, "d"))
    print(await t)
    try:
        asyncio.create_task(Delay(0.1, "e"))
    except TypeError as e:
        print("TypeError:", str(e).split(", got")[0])

asyncio.run(main())
