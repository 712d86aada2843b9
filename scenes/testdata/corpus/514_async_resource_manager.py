# An async context manager class that owns background tasks: __aenter__
# starts a heartbeat, __aexit__ cancels it and reports the exception that
# ended the block (without suppressing it), under asyncio.timeout.
import asyncio


class Session:
    def __init__(self, name):
        self.name = name
        self.beats = 0
        self.task = None

    async def heartbeat(self):
        while True:
            await asyncio.sleep(0.3)
            self.beats += 1

    async def __aenter__(self):
        self.task = asyncio.create_task(self.heartbeat())
        await asyncio.sleep(0)
        print(f"{self.name}: open")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.task.cancel()
        try:
            await self.task
        except asyncio.CancelledError:
            print(f"{self.name}: heartbeat stopped after {self.beats} beats")
        print(f"{self.name}: closed ({exc_type.__name__ if exc_type else 'cleanly'})")


async def main():
    async with Session("first") as s:
        await asyncio.sleep(1)
        print("first did its work", s.beats)
    try:
        async with asyncio.timeout(0.5):
            async with Session("second"):
                await asyncio.sleep(10)
    except TimeoutError:
        print("second timed out")
    try:
        async with Session("third"):
            raise RuntimeError("bad request")
    except RuntimeError as e:
        print("caught:", e)


asyncio.run(main())
