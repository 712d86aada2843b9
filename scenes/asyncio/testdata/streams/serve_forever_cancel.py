import asyncio


async def handle(reader, writer):
    data = await reader.readline()
    writer.write(b"pong " + data)
    await writer.drain()
    writer.close()


async def run_server():
    server = await asyncio.start_server(handle, "127.0.0.1", 8894)
    print("server up")
    try:
        await server.serve_forever()
    except asyncio.CancelledError:
        print("serve_forever cancelled; serving:", server.is_serving())
        raise


async def main():
    task = asyncio.create_task(run_server())
    await asyncio.sleep(0.1)
    for i in range(2):
        reader, writer = await asyncio.open_connection("127.0.0.1", 8894)
        writer.write(f"ping {i}\n".encode())
        print((await reader.readline()).decode().strip())
        writer.close()
        await writer.wait_closed()
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("server task cancelled:", task.cancelled())
    try:
        await asyncio.open_connection("127.0.0.1", 8894)
    except ConnectionRefusedError:
        print("nobody listens any more")


asyncio.run(main())
