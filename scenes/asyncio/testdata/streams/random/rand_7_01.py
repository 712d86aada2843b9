import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def handle0(reader, writer):
    me = asyncio.current_task().get_name()
    print(now(), 'server0', me, 'starts')
    while True:
        line = await reader.read(64)
        if not line:
            break
        print(now(), 'server0', me, 'got', line)
        await asyncio.sleep(0.1)
        writer.write(line.upper())
    print(now(), 'server0', me, 'eof', reader.at_eof())
    writer.close()
    await writer.wait_closed()
    print(now(), 'server0', me, 'closed')


async def client0():
    reader, writer = await asyncio.open_connection('127.0.0.1', 9100)
    print(now(), 'client0 connected', asyncio.current_task().get_name())
    writer.write(b'c0 m0\n')
    await writer.drain()
    try:
        print(now(), 'client0 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client0', type(e).__name__, e)
    writer.close()
    try:
        await writer.wait_closed()
    except OSError as e:
        print(now(), 'client0 wait_closed', type(e).__name__, e)
    print(now(), 'client0 done')


async def ticker():
    for i in range(10):
        print(now(), 'tick', i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker())
    s0 = await asyncio.start_server(handle0, '127.0.0.1', 9100)
    print(now(), 'servers up')
    await asyncio.gather(client0())
    await t
    await asyncio.sleep(0.5)
    s0.close()
    await s0.wait_closed()
    print(now(), 'end', sorted(x.get_name() for x in asyncio.all_tasks()))


asyncio.run(main())
