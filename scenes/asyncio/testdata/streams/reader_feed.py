import asyncio


async def producer(reader):
    for chunk in [b"hel", b"lo\nwor", b"ld\n", b"tail"]:
        await asyncio.sleep(0.1)
        print("feed", chunk)
        reader.feed_data(chunk)
    await asyncio.sleep(0.1)
    print("feed_eof")
    reader.feed_eof()


async def main():
    reader = asyncio.StreamReader()
    print(reader)
    task = asyncio.create_task(producer(reader))
    print("line", await reader.readline())
    print("line", await reader.readline())
    print(reader)
    print("exactly", await reader.readexactly(2))
    print("rest", await reader.read(), "at_eof", reader.at_eof())
    await task
    small = asyncio.StreamReader(limit=4)
    small.feed_data(b"abcdefgh\nxy")
    small.feed_eof()
    try:
        await small.readline()
    except ValueError as e:
        print("ValueError:", e)
    print("after:", await small.readline())
    small2 = asyncio.StreamReader(limit=4)
    small2.feed_data(b"abcdefgh")
    try:
        await small2.readuntil(b"!")
    except asyncio.LimitOverrunError as e:
        print("LimitOverrunError:", e, e.consumed)


asyncio.run(main())
