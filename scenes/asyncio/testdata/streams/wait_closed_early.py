import asyncio
import time


async def handle(reader, writer):
    await reader.read()
    print("handler: client went away")
    await asyncio.to_thread(time.sleep, 0.5)  # tidy up in a worker thread
    writer.close()
    await writer.wait_closed()
    print("handler: closed")


async def watcher(server):
    loop = asyncio.get_running_loop()
    await server.wait_closed()
    print("watcher: server fully closed at", loop.time())


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.open_connection("127.0.0.1", 8907)
    except ConnectionRefusedError:
        print("too early: refused")
    server = await asyncio.start_server(handle, "127.0.0.1", 8907)
    w = asyncio.create_task(watcher(server))
    reader, writer = await asyncio.open_connection("127.0.0.1", 8907)
    writer.write(b"data")
    await asyncio.sleep(0.2)
    writer.close()
    try:
        await writer.drain()
    except ConnectionResetError as e:
        print("drain after close:", e)
    writer.write(b"ignored")
    await writer.wait_closed()
    server.close()
    print("server.close() at", loop.time(), "serving:", server.is_serving())
    await server.wait_closed()
    print("main: wait_closed after close returns at once:", loop.time())
    await w
    print("end", loop.time())


asyncio.run(main())
