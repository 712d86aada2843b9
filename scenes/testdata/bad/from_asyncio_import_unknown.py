# want: 2:33: asyncio.create_subprocess_shell is not available in scenes: a playground runs one process: to stand in for a command that takes a while, await asyncio.sleep(1); for blocking work, await asyncio.to_thread(work)
from asyncio import run, sleep, create_subprocess_shell

async def main():
    await sleep(1)

run(main())
