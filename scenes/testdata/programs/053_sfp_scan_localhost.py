# source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/main/src/lesson07_scan_concurrently.py (SuperFastPython, Python Asyncio Jump-Start); edits: host 'python.org' replaced by '127.0.0.1' and ports by range(8000, 8010) (no network here; CPython then gets ConnectionRefusedError)
# SuperFastPython.com
# example of a concurrent port scanner using gather
import asyncio

# returns True if a connection can be made
async def test_port_number(host, port, timeout=3):
    # create coroutine for opening a connection
    coro = asyncio.open_connection(host, port)
    # execute the coroutine with a timeout
    try:
        # open the connection and wait for a moment
        _,writer = await asyncio.wait_for(coro, timeout)
        # close connection once opened
        writer.close()
        # indicate the connection can be opened
        return True
    except asyncio.TimeoutError:
        # indicate the connection cannot be opened
        return False

# main coroutine
async def main(host, ports):
    # report a status message
    print(f'Scanning {host}...')
    # create all coroutines
    coros = [test_port_number(host, port)
        for port in ports]
    # execute all coroutines concurrently
    results = await asyncio.gather(*coros)
    # report results
    for port,result in zip(ports, results):
        if result :
            print(f'> {host}:{port} [OPEN]')

# define a host and ports to scan
host = '127.0.0.1'
ports = range(8000, 8010)
# start the asyncio program
asyncio.run(main(host, ports))
