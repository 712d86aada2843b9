# want: 5:26: asyncio.create_subprocess_exec is not supported in scenes
import asyncio

async def main():
    proc = await asyncio.create_subprocess_exec("ls")
    await proc.wait()

asyncio.run(main())
