# Passing the same task to gather twice runs it once; its result appears
# in both places.
import asyncio

runs = []


async def fetch():
    runs.append("fetch")
    await asyncio.sleep(0.5)
    return "data"


async def main():
    t = asyncio.create_task(fetch())
    results = await asyncio.gather(t, t, asyncio.sleep(0.25, result="other"))
    print(results, "| fetch ran", len(runs), "time(s)")


asyncio.run(main())
