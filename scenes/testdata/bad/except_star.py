# want: 8:5: except* is not supported in scenes
import asyncio

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(asyncio.sleep(1))
    except* ValueError:
        pass
