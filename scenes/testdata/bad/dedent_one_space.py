# want: 7:26: unindent does not match any outer indentation level
import asyncio


async def main():
    print("start")
   await asyncio.sleep(1)
