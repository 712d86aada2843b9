# want: 5:16: asyncio.create_subprocess_shell is not supported in scenes
import asyncio as aio

async def main():
    loop = aio.create_subprocess_shell("ls")

aio.run(main())
