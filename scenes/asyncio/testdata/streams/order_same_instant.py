import asyncio

log = []


async def handle(reader, writer):
    print("handler starts, task", asyncio.current_task().get_name())
    writer.write(b"welcome\n")
    line = await reader.readline()
    print("handler got", line)
    writer.close()


async def ticker():
    for i in range(12):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    print("main is", asyncio.current_task().get_name())
    t = asyncio.create_task(ticker())
    server = await asyncio.start_server(handle, "127.0.0.1", 8898)
    print("server started")
    reader, writer = await asyncio.open_connection("127.0.0.1", 8898)
    print("connected")
    writer.write(b"hi\n")
    print("client got", await reader.readline())
    print("client then", await reader.readline())
    await t
    print("tasks:", sorted(x.get_name() for x in asyncio.all_tasks()))
    writer.close()
    await writer.wait_closed()
    server.close()


asyncio.run(main())
