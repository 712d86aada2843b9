import asyncio


async def handle(reader, writer):
    name = asyncio.current_task().get_name()
    try:
        while True:
            data = await reader.readline()
            if not data:
                break
            writer.write(data[::-1].strip() + b"\n")
    finally:
        print("handler", name, "ends, at_eof", reader.at_eof())
        writer.close()


async def serve():
    server = await asyncio.start_server(handle, "127.0.0.1", 8912)
    async with server:
        await server.serve_forever()


async def user(word, delay):
    await asyncio.sleep(delay)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8912)
    writer.write(word + b"\n")
    print(word, "->", await reader.readline())
    if delay > 0.5:
        return writer  # still open: a StreamWriter nobody holds would be closed by CPython's GC
    writer.close()
    await writer.wait_closed()
    return "left"


async def main():
    loop = asyncio.get_running_loop()
    users = asyncio.gather(user(b"stressed", 0.2), user(b"drawer", 0.4), user(b"stay", 0.6))
    try:
        await asyncio.wait_for(serve(), timeout=1.0)
    except asyncio.TimeoutError:
        print("served until", loop.time())
    results = await users
    print(results[:2], "open tasks:", len(asyncio.all_tasks()))
    results[2].close()
    await results[2].wait_closed()
    await asyncio.sleep(0)
    print("open tasks:", len(asyncio.all_tasks()))


asyncio.run(main())
