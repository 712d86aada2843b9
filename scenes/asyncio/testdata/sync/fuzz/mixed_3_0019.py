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
    q = asyncio.Queue(1)
    ex = cf.ThreadPoolExecutor(3)

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            with cf.ThreadPoolExecutor(1) as pool:
                pool.submit(job, None, '0.0', 0)
                pool.submit(job, None, '0.0' + 'w', 0)
            log('t0 pool closed')
            r = await asyncio.wrap_future(ex.submit(job, loop, '0.1', 0, False))
            log('t0 wrap', r)
            r = await asyncio.wrap_future(ex.submit(job, None, '0.2', 0.2, False))
            log('t0 wrap', r)
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise
        except ValueError as e:
            log('t0 ValueError', e)

    async def t1():
        try:
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
            async with lock:
                r = await loop.run_in_executor(ex, job, None, '2.0', 0.5)
                log('t2 locked job', r)
            try:
                x = await asyncio.wait_for(q.get(), 0.7)
                log('t2 got', x)
            except asyncio.TimeoutError:
                log('t2 get timeout')
            fs = [ex.submit(job, None, '2.2', 0), ex.submit(job, None, '2.2' + 'b', 0)]
            dn, nd = cf.wait(fs, timeout=None, return_when=cf.ALL_COMPLETED)
            log('t2 cfwait', len(dn), len(nd))
            with cf.ThreadPoolExecutor(2) as pool:
                pool.submit(job, loop, '2.3', 0)
                pool.submit(job, None, '2.3' + 'w', 0)
            log('t2 pool closed')
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise
        except ValueError as e:
            log('t2 ValueError', e)

    async def t3():
        try:
            r = await asyncio.to_thread(job, None, '3.0', 1, False)
            log('t3 to_thread', r)
            with cf.ThreadPoolExecutor(1) as pool:
                pool.submit(job, None, '3.1', 0.5)
                pool.submit(job, None, '3.1' + 'w', 0)
            log('t3 pool closed')
            r = await loop.run_in_executor(ex, job, loop, '3.2', 0, False)
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
