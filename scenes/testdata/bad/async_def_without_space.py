# want: 5:7: invalid syntax
import asyncio


async defmain():
    await asyncio.sleep(1)
