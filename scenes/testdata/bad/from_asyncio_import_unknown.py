# want: 2:33: asyncio.create_subprocess_shell is not supported in scenes
from asyncio import run, sleep, create_subprocess_shell

async def main():
    await sleep(1)

run(main())
