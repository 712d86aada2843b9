import asyncio


async def handle(reader, writer):
    await asyncio.sleep(1.5)
    writer.write(b"slow answer\n")
    await writer.drain()
    await reader.read()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8903)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8903)
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(reader.readline(), 1.0)
    except asyncio.TimeoutError:
        print("timed out at", loop.time())
    line = await reader.readline()
    print("then got", line, "at", loop.time())
    t1 = asyncio.create_task(reader.read(10))
    await asyncio.sleep(0)
    try:
        await reader.read(10)
    except RuntimeError as e:
        print("RuntimeError:", e)
    t1.cancel()
    try:
        await t1
    except asyncio.CancelledError:
        print("reader task cancelled")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
