# gather's own future completes after its last child; a callback on the
# gather future runs before main resumes.
import asyncio


async def part(n):
    await asyncio.sleep(n * 0.25)
    print(f"part {n} done")
    return n


async def main():
    g = asyncio.gather(part(2), part(1))
    g.add_done_callback(lambda f: print("gather callback sees", f.result()))
    result = await g
    print("main resumes with", result)


asyncio.run(main())
