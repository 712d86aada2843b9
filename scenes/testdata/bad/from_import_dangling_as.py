# want: 2:29: invalid syntax
from asyncio import sleep as

async def main():
    await sleep(1)
