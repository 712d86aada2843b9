import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


async def handle0(reader, writer):
    me = asyncio.current_task().get_name()
    print(now(), 'server0', me, 'starts')
    while True:
        line = await reader.readline()
        if not line:
            break
        print(now(), 'server0', me, 'got', line)
        await asyncio.sleep(0)
        writer.write(line.upper())
        await writer.drain()
    print(now(), 'server0', me, 'eof', reader.at_eof())


async def client0():
    reader, writer = await asyncio.open_connection('127.0.0.1', 9100)
    print(now(), 'client0 connected', asyncio.current_task().get_name())
    writer.write(b'c0 m0\n')
    try:
        print(now(), 'client0 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client0', type(e).__name__, e)
    writer.write(b'c0 m1\n')
    try:
        print(now(), 'client0 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client0', type(e).__name__, e)
    writer.writelines([b'c0', b' m2\n'])
    await writer.drain()
    try:
        print(now(), 'client0 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client0', type(e).__name__, e)
    writer.close()
    print(now(), 'client0 done')


async def client1():
    await asyncio.sleep(0.05)
    reader, writer = await asyncio.open_connection('127.0.0.1', 9100)
    print(now(), 'client1 connected', asyncio.current_task().get_name())
    writer.writelines([b'c1', b' m0\n'])
    await writer.drain()
    writer.writelines([b'c1', b' m1\n'])
    await writer.drain()
    try:
        print(now(), 'client1 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client1', type(e).__name__, e)
    try:
        print(now(), 'client1 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client1', type(e).__name__, e)
    try:
        writer.write_eof()
        print(now(), 'client1 rest', await reader.read())
    except OSError as e:
        print(now(), 'client1', type(e).__name__, e)
    writer.close()
    print(now(), 'client1 done')


async def client2():
    await asyncio.sleep(0.05)
    reader, writer = await asyncio.open_connection('127.0.0.1', 9100)
    print(now(), 'client2 connected', asyncio.current_task().get_name())
    writer.write(b'c2 m0\n')
    await writer.drain()
    try:
        print(now(), 'client2 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client2', type(e).__name__, e)
    writer.writelines([b'c2', b' m1\n'])
    try:
        print(now(), 'client2 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client2', type(e).__name__, e)
    writer.close()
    try:
        await writer.wait_closed()
    except OSError as e:
        print(now(), 'client2 wait_closed', type(e).__name__, e)
    print(now(), 'client2 done')


async def client3():
    reader, writer = await asyncio.open_connection('127.0.0.1', 9100)
    print(now(), 'client3 connected', asyncio.current_task().get_name())
    writer.write(b'c3 m0\n')
    await asyncio.sleep(0)
    writer.write(b'c3 m1\n')
    await writer.drain()
    try:
        print(now(), 'client3 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client3', type(e).__name__, e)
    try:
        print(now(), 'client3 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client3', type(e).__name__, e)
    try:
        writer.write_eof()
        print(now(), 'client3 rest', await reader.read())
    except OSError as e:
        print(now(), 'client3', type(e).__name__, e)
    writer.close()
    try:
        await writer.wait_closed()
    except OSError as e:
        print(now(), 'client3 wait_closed', type(e).__name__, e)
    print(now(), 'client3 done')


async def ticker():
    for i in range(23):
        print(now(), 'tick', i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker())
    s0 = await asyncio.start_server(handle0, '127.0.0.1', 9100)
    print(now(), 'servers up')
    await asyncio.gather(client0(), client1(), client2(), client3())
    await t
    await asyncio.sleep(0.5)
    s0.close()
    await s0.wait_closed()
    print(now(), 'end', sorted(x.get_name() for x in asyncio.all_tasks()))


asyncio.run(main())
