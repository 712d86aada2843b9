import asyncio


async def handle(reader, writer):
    line = await reader.readline()
    print("server got", line)
    await asyncio.sleep(0.1)
    for i in range(4):
        try:
            writer.write(b"reply %d\n" % i)
            await writer.drain()
            print("server wrote", i, "closing:", writer.is_closing())
        except Exception as e:
            print("server write", i, type(e).__name__, e)
        await asyncio.sleep(0)
    print("eof?", await reader.read())
    writer.close()
    try:
        await writer.wait_closed()
    except Exception as e:
        print("wait_closed:", type(e).__name__, e)


async def leftover(reader, writer):
    try:
        await reader.readline()
    finally:
        print("leftover handler finishing")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8920)
    s2 = await asyncio.start_server(leftover, "127.0.0.1", 8921)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8920)
    writer.write(b"hello\n")
    writer.close()
    await writer.wait_closed()
    r2, w2 = await asyncio.open_connection("127.0.0.1", 8921)
    await asyncio.sleep(0.5)
    print("main ends")


asyncio.run(main())
