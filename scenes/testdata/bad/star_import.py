# want: 2:21: 'from asyncio import *' is not supported in scenes: import the names you use, as in 'from asyncio import name1, name2'
from asyncio import *

async def main():
    await sleep(1)
