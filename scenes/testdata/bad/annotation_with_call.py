# want: 7:22: annotations other than type expressions are not supported in scenes (names, dotted names, subscripts, strings, and FastAPI's Depends(...), Query(...), Header(...), Cookie(...), Path(...))
import asyncio

def pick_type():
    return int

async def handler(n: pick_type()):
    await asyncio.sleep(n)
