# asyncio.run hands back main()'s return value; code after it is plain
# synchronous Python again.
import asyncio


async def compute():
    total = 0
    for i in range(1, 5):
        await asyncio.sleep(0.25)
        total += i * i
    return total


async def main():
    squares = await compute()
    return {"sum of squares": squares, "loops": 4}


summary = asyncio.run(main())
for key in sorted(summary):
    print(key, "->", summary[key])
print(type(summary).__name__, len(summary))
