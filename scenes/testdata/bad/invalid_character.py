# want: 5:28: invalid character '→' (U+2192)
import asyncio

async def main():
    await asyncio.sleep(1) → print("done")
