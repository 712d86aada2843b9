# A three-stage pipeline: fetch -> parse -> store, joined by queues.
import asyncio


async def fetch(urls, out, loop, t0):
    for url in urls:
        await asyncio.sleep(0.5)
        print(f"{loop.time() - t0:.1f} fetched {url}")
        await out.put(f"<{url}>")
    await out.put(None)


async def parse(inbox, out, loop, t0):
    while True:
        page = await inbox.get()
        if page is None:
            break
        await asyncio.sleep(0.25)
        words = len(page) - 2
        print(f"{loop.time() - t0:.2f} parsed {page} ({words} chars)")
        await out.put(words)
    await out.put(None)


async def store(inbox, loop, t0):
    total = 0
    while True:
        n = await inbox.get()
        if n is None:
            break
        total += n
    print(f"{loop.time() - t0:.2f} stored, total {total}")
    return total


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    q1, q2 = asyncio.Queue(), asyncio.Queue()
    urls = ["a.io", "bb.io", "ccc.io"]
    _, _, total = await asyncio.gather(fetch(urls, q1, loop, t0), parse(q1, q2, loop, t0), store(q2, loop, t0))
    print("pipeline total:", total)


asyncio.run(main())
