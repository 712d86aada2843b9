# want: 5:26: asyncio.create_subprocess_exec is not available in scenes: a playground runs one process: to stand in for a command that takes a while, await asyncio.sleep(1); for blocking work, await asyncio.to_thread(work)
import asyncio

async def main():
    proc = await asyncio.create_subprocess_exec("ls")
    await proc.wait()

asyncio.run(main())
