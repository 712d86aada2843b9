# want: 7:22: annotations other than type expressions are not supported in scenes (names, dotted names, subscripts, strings, Depends(...))
import asyncio

def pick_type():
    return int

async def handler(n: pick_type()):
    await asyncio.sleep(n)
