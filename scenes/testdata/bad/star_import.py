# want: 2:21: 'from asyncio import *' is not supported in scenes
from asyncio import *

async def main():
    await sleep(1)
