import asyncio


def plain_callback(reader, writer):
    print("plain callback, not a coroutine")
    writer.write(b"hi from a plain function\n")
    writer.close()


async def failing(reader, writer):
    line = await reader.readline()
    print("failing handler got", line)
    raise ValueError("handler broke")


async def main():
    s1 = await asyncio.start_server(plain_callback, "127.0.0.1", 8904)
    s2 = await asyncio.start_server(failing, "127.0.0.1", 8905)
    r, w = await asyncio.open_connection("127.0.0.1", 8904)
    print(await r.readline(), await r.readline())
    w.close()
    r, w = await asyncio.open_connection("127.0.0.1", 8905)
    w.write(b"boom\n")
    print("after the failure:", await r.read())
    w.close()
    await w.wait_closed()
    try:
        await asyncio.start_server(failing, "127.0.0.1", 8905)
    except OSError as e:
        print("bind twice:", e.errno)
    for s in (s1, s2):
        s.close()
        await s.wait_closed()
    print("done")


asyncio.run(main())
