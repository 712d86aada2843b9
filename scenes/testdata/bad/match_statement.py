# want: 5:5: match statements are not supported in scenes
import asyncio

async def handle(cmd):
    match cmd:
        case "ping":
            return "pong"
    return None

print(asyncio.run(handle("ping")))
