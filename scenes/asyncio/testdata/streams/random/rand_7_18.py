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
        if b'm1' in line:
            break
        await asyncio.sleep(0)
        writer.write(line.upper())
        await writer.drain()
    print(now(), 'server0', me, 'eof', reader.at_eof())


async def handle1(reader, writer):
    me = asyncio.current_task().get_name()
    print(now(), 'server1', me, 'starts')
    while True:
        try:
            line = await reader.readuntil(b'\n')
        except asyncio.IncompleteReadError as e:
            line = e.partial
        if not line:
            break
        print(now(), 'server1', me, 'got', line)
        await asyncio.sleep(0)
        writer.write(line.upper())
    print(now(), 'server1', me, 'eof', reader.at_eof())
    writer.close()


async def client0():
    reader, writer = await asyncio.open_connection('127.0.0.1', 9100)
    print(now(), 'client0 connected', asyncio.current_task().get_name())
    writer.writelines([b'c0', b' m0\n'])
    try:
        print(now(), 'client0 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client0', type(e).__name__, e)
    writer.write(b'c0 m1\n')
    await writer.drain()
    try:
        print(now(), 'client0 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client0', type(e).__name__, e)
    writer.write(b'c0 m2\n')
    await writer.drain()
    try:
        print(now(), 'client0 reply', await reader.readline())
    except OSError as e:
        print(now(), 'client0', type(e).__name__, e)
    try:
        writer.write_eof()
        print(now(), 'client0 rest', await reader.read())
    except OSError as e:
        print(now(), 'client0', type(e).__name__, e)
    writer.close()
    try:
        await writer.wait_closed()
    except OSError as e:
        print(now(), 'client0 wait_closed', type(e).__name__, e)
    print(now(), 'client0 done')


async def client1():
    reader, writer = await asyncio.open_connection('127.0.0.1', 9100)
    print(now(), 'client1 connected', asyncio.current_task().get_name())
    writer.writelines([b'c1', b' m0\n'])
    writer.write(b'c1 m1\n')
    await writer.drain()
    await asyncio.sleep(0)
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
    try:
        await writer.wait_closed()
    except OSError as e:
        print(now(), 'client1 wait_closed', type(e).__name__, e)
    print(now(), 'client1 done')


async def ticker():
    for i in range(5):
        print(now(), 'tick', i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker())
    s0 = await asyncio.start_server(handle0, '127.0.0.1', 9100)
    s1 = await asyncio.start_server(handle1, '127.0.0.1', 9101)
    print(now(), 'servers up')
    await asyncio.gather(client0(), client1())
    await t
    await asyncio.sleep(0.5)
    s0.close()
    await s0.wait_closed()
    s1.close()
    await s1.wait_closed()
    print(now(), 'end', sorted(x.get_name() for x in asyncio.all_tasks()))


asyncio.run(main())
