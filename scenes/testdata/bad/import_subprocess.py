# want: 3:6: module 'subprocess' is not available in scenes: a playground runs one process. Run blocking or CPU-heavy work in a thread instead: await asyncio.to_thread(work) or loop.run_in_executor(None, work) (or concurrent.futures.ThreadPoolExecutor); to stand in for a command that takes a while, await asyncio.sleep(1)
import asyncio
from subprocess import run

async def main():
    await asyncio.to_thread(run, ["sleep", "1"])

asyncio.run(main())
