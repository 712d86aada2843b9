import asyncio


async def handle(reader, writer):
    line = await reader.readline()
    print("server got", line, "and hangs up")
    writer.close()


async def client(k):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8911)
    writer.write(b"first\n")
    for _ in range(k):
        await asyncio.sleep(0)
    writer.write(b"second\n")
    try:
        data = await reader.read()
        print(k, "client read", data)
    except OSError as e:
        print(k, "client:", type(e).__name__, e)
    try:
        writer.write(b"third\n")
        await writer.drain()
        print(k, "third write ok")
    except OSError as e:
        print(k, "third write:", type(e).__name__, e)
    writer.close()
    try:
        await writer.wait_closed()
    except OSError as e:
        print(k, "wait_closed:", type(e).__name__, e)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8911)
    for k in range(6):
        await client(k)
    server.close()
    await server.wait_closed()


asyncio.run(main())
