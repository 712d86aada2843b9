# A task that fails while nobody awaits it: its exception stays inside it
# until the loop closes and logs "Task exception was never retrieved".
# The second task fails too, but main awaits it and handles the error.
import asyncio


async def fetch(url):
    await asyncio.sleep(0.1)
    raise ConnectionError("no route to " + url)


async def main():
    lost = asyncio.create_task(fetch("a.example"))  # mistake: never-retrieved
    kept = asyncio.create_task(fetch("b.example"))
    await asyncio.sleep(0.5)
    try:
        await kept
    except ConnectionError as e:
        print("handled:", e)
    print("lost done?", lost.done())


asyncio.run(main())
