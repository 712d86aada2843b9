# want: 2:33: asyncio.Runner is not supported in scenes
from asyncio import run, sleep, Runner

async def main():
    await sleep(1)

run(main())
