# want: 5:10: invalid syntax
import asyncio

async def main(cmd):
    case "stop":
        return
