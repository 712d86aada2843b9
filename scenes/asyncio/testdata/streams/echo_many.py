import asyncio


async def handle(reader, writer):
    me = asyncio.current_task().get_name()
    line = await reader.readline()
    print(f"{me} handles {line.decode().strip()!r}")
    writer.write(line.upper())
    await writer.drain()
    writer.close()


async def client(n):
    me = asyncio.current_task().get_name()
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    print(f"{me}: client {n} connected")
    writer.write(f"message {n}\n".encode())
    reply = await reader.readline()
    print(f"{me}: client {n} got {reply!r}")
    eof = await reader.readline()
    print(f"{me}: client {n} then {eof!r}")
    writer.close()
    await writer.wait_closed()
    return n * 10


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    results = await asyncio.gather(*(client(i) for i in range(4)))
    print("results", results)
    server.close()
    await server.wait_closed()
    print("tasks left:", len(asyncio.all_tasks()))


asyncio.run(main())
