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
    ex = cf.ThreadPoolExecutor(2)

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            fs = [ex.submit(job, None, '0.0', 1), ex.submit(job, None, '0.0' + 'b', 1)]
            dn, nd = cf.wait(fs, timeout=0.6, return_when=cf.FIRST_COMPLETED)
            log('t0 cfwait', len(dn), len(nd))
            with cf.ThreadPoolExecutor(2) as pool:
                pool.submit(job, None, '0.1', 1)
                pool.submit(job, None, '0.1' + 'w', 0)
            log('t0 pool closed')
            with cf.ThreadPoolExecutor(1) as pool:
                pool.submit(job, None, '0.2', 0)
                pool.submit(job, None, '0.2' + 'w', 0.3)
            log('t0 pool closed')
            await q.put('0.3')
            log('t0 put')
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise
        except ValueError as e:
            log('t0 ValueError', e)

    async def t1():
        try:
            async with lock:
                r = await loop.run_in_executor(ex, job, loop, '1.0', 0.1)
                log('t1 locked job', r)
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise
        except ValueError as e:
            log('t1 ValueError', e)

    async def t2():
        try:
            r = await asyncio.wrap_future(ex.submit(job, loop, '2.0', 0.5, False))
            log('t2 wrap', r)
            await q.put('2.1')
            log('t2 put')
            r = await loop.run_in_executor(ex, job, None, '2.2', 0.5, False)
            log('t2 rie', r)
            with cf.ThreadPoolExecutor(1) as pool:
                pool.submit(job, loop, '2.3', 0.2)
                pool.submit(job, None, '2.3' + 'w', 0.3)
            log('t2 pool closed')
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise
        except ValueError as e:
            log('t2 ValueError', e)

    async def t3():
        try:
            try:
                x = await asyncio.wait_for(q.get(), 0.7)
                log('t3 got', x)
            except asyncio.TimeoutError:
                log('t3 get timeout')
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
    ex.shutdown(wait=True)
    log('main end')


asyncio.run(main())
print(f'{time.monotonic():.2f} after run')
