# want: 6:11: cannot assign to attribute here. Maybe you meant '==' instead of '='?
import asyncio


async def main(ev):
    while ev.flag = False:
        await asyncio.sleep(0.1)
