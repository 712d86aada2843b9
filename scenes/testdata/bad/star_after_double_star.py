# want: 5:36: iterable argument unpacking follows keyword argument unpacking
import asyncio

async def main(*args, **kwargs):
    await asyncio.gather(**kwargs, *args)
