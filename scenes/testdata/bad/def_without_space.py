# want: 5:10: invalid syntax
import asyncio


defmain():
    await asyncio.sleep(1)
