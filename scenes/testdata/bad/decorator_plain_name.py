# want: 7:1: decorators are not supported in scenes, except FastAPI routes such as @app.get("/items")
import asyncio

def log(fn):
    return fn

@log
async def main():
    await asyncio.sleep(1)

asyncio.run(main())
