# sys: writing to stdout directly, print to stderr, the recursion limit,
# and sys.exit(3) ending the scene with status 3 and no traceback.
import asyncio
import sys


async def ticker(n):
    for i in range(n):
        sys.stdout.write(f"tick {i}\n")
        sys.stdout.flush()
        await asyncio.sleep(0.5)
    print("ticker done", file=sys.stderr)
    return n


async def main():
    print(len(sys.argv), sys.getrecursionlimit(), sys.maxsize)
    written = sys.stdout.write("no newline yet")
    print(" ->", written)
    n = await ticker(3)
    try:
        sys.exit(0)
    except SystemExit as e:
        print("caught SystemExit", e.code, e.args)
    if n == 3:
        sys.exit(3)
    print("not reached")


asyncio.run(main())
