# With return_exceptions=True, gather collects failures as values instead
# of raising the first one.
import asyncio


async def fetch(url, delay, fail_with=None):
    await asyncio.sleep(delay)
    if fail_with is not None:
        raise fail_with
    return f"<html of {url}>"


async def main():
    results = await asyncio.gather(
        fetch("a.example", 0.5),
        fetch("b.example", 0.25, ValueError("bad gateway")),
        fetch("c.example", 0.75),
        fetch("d.example", 0.1, KeyError("missing")),
        return_exceptions=True,
    )
    for r in results:
        if isinstance(r, Exception):
            print(f"failed: {type(r).__name__}: {r}")
        else:
            print(f"ok:     {r}")
    print([type(r).__name__ for r in results])


asyncio.run(main())
