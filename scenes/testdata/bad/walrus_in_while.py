# want: 7:12: assignment expressions (:=) are not supported in scenes
import asyncio

async def main():
    q = asyncio.Queue()
    q.put_nowait(1)
    while (item := q.get_nowait()) is not None:
        print(item)

asyncio.run(main())
