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
    q = asyncio.Queue(0)
    ex = cf.ThreadPoolExecutor(2)

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            with cf.ThreadPoolExecutor(2) as pool:
                pool.submit(job, None, '0.0', 0.1)
                pool.submit(job, None, '0.0' + 'w', 0.3)
            log('t0 pool closed')
            r = await asyncio.wrap_future(ex.submit(job, loop, '0.1', 0.5, False))
            log('t0 wrap', r)
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise
        except ValueError as e:
            log('t0 ValueError', e)

    async def t1():
        try:
            r = await loop.run_in_executor(None, job, loop, '1.0', 0.1, False)
            log('t1 rie', r)
            async with lock:
                r = await loop.run_in_executor(ex, job, None, '1.1', 0.1)
                log('t1 locked job', r)
            await q.put('1.2')
            log('t1 put')
            await q.put('1.3')
            log('t1 put')
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise
        except ValueError as e:
            log('t1 ValueError', e)

    async def t2():
        try:
            fs = [ex.submit(job, None, '2.0', 0), ex.submit(job, None, '2.0' + 'b', 1)]
            dn, nd = cf.wait(fs, timeout=None, return_when=cf.FIRST_COMPLETED)
            log('t2 cfwait', len(dn), len(nd))
            try:
                x = await asyncio.wait_for(q.get(), 0.7)
                log('t2 got', x)
            except asyncio.TimeoutError:
                log('t2 get timeout')
            r = await loop.run_in_executor(None, job, None, '2.2', 0.2, False)
            log('t2 rie', r)
            r = await loop.run_in_executor(None, job, None, '2.3', 0.2, False)
            log('t2 rie', r)
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise
        except ValueError as e:
            log('t2 ValueError', e)

    async def t3():
        try:
            with cf.ThreadPoolExecutor(1) as pool:
                pool.submit(job, loop, '3.0', 0.1)
                pool.submit(job, None, '3.0' + 'w', 0)
            log('t3 pool closed')
            time.sleep(0.1)
            log('t3 stalled')
            r = await asyncio.wrap_future(ex.submit(job, loop, '3.2', 0.1, False))
            log('t3 wrap', r)
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
