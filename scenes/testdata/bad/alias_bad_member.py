# want: 5:16: asyncio.create_subprocess_shell is not available in scenes: a playground runs one process: to stand in for a command that takes a while, await asyncio.sleep(1); for blocking work, await asyncio.to_thread(work)
import asyncio as aio

async def main():
    loop = aio.create_subprocess_shell("ls")

aio.run(main())
