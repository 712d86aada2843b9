# want: 4:11: invalid syntax
import asyncio

handler = async lambda: await asyncio.sleep(1)
