import asyncio
import time
import concurrent.futures as cf


def job(loop, name, d, fail=False):
    time.sleep(d)
    if fail:
        raise ValueError(name)
    if loop is not None:
        loop.call_soon_threadsafe(print, f'{time.monotonic():.2f} threadsafe from', name)
    print(f'{time.monotonic():.2f} job', name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    q = asyncio.Queue(2)
    ex = cf.ThreadPoolExecutor(3)

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            async with lock:
                r = await loop.run_in_executor(ex, job, loop, '0.0', 1)
                log('t0 locked job', r)
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise
        except ValueError as e:
            log('t0 ValueError', e)

    async def t1():
        try:
            await q.put('1.0')
            log('t1 put')
            with cf.ThreadPoolExecutor(1) as pool:
                pool.submit(job, loop, '1.1', 0.1)
                pool.submit(job, None, '1.1' + 'w', 0)
            log('t1 pool closed')
            try:
                x = await asyncio.wait_for(q.get(), 0.7)
                log('t1 got', x)
            except asyncio.TimeoutError:
                log('t1 get timeout')
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise
        except ValueError as e:
            log('t1 ValueError', e)

    async def t2():
        try:
            with cf.ThreadPoolExecutor(1) as pool:
                pool.submit(job, None, '2.0', 1)
                pool.submit(job, None, '2.0' + 'w', 0.3)
            log('t2 pool closed')
            r = await asyncio.wrap_future(ex.submit(job, loop, '2.1', 0.5, False))
            log('t2 wrap', r)
            await asyncio.sleep(0.5)
            async with lock:
                r = await loop.run_in_executor(ex, job, None, '2.3', 1)
                log('t2 locked job', r)
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise
        except ValueError as e:
            log('t2 ValueError', e)

    async def t3():
        try:
            r = await loop.run_in_executor(ex, job, None, '3.0', 1, False)
            log('t3 rie', r)
            log('t3 end')
        except asyncio.CancelledError:
            log('t3 cancelled')
            raise
        except ValueError as e:
            log('t3 ValueError', e)

    tasks = []
    tasks.append(asyncio.create_task(t0()))
    tasks.append(asyncio.create_task(t1()))
    tasks.append(asyncio.create_task(t2()))
    tasks.append(asyncio.create_task(t3()))
    done, pending = await asyncio.wait(tasks, timeout=6)
    log('pending', len(pending))
    for t in tasks:
        if t in pending:
            t.cancel()
    ex.shutdown(wait=False)
    log('main end')


asyncio.run(main())
print(f'{time.monotonic():.2f} after run')
