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
    ex = cf.ThreadPoolExecutor(1)

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            r = await asyncio.to_thread(job, None, '0.0', 1, False)
            log('t0 to_thread', r)
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise
        except ValueError as e:
            log('t0 ValueError', e)

    async def t1():
        try:
            r = await asyncio.to_thread(job, loop, '1.0', 0.5, False)
            log('t1 to_thread', r)
            async with lock:
                r = await loop.run_in_executor(ex, job, loop, '1.1', 0.5)
                log('t1 locked job', r)
            time.sleep(1)
            log('t1 stalled')
            fs = [ex.submit(job, None, '1.3', 0.5), ex.submit(job, None, '1.3' + 'b', 0)]
            dn, nd = cf.wait(fs, timeout=0.6, return_when=cf.FIRST_COMPLETED)
            log('t1 cfwait', len(dn), len(nd))
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise
        except ValueError as e:
            log('t1 ValueError', e)

    async def t2():
        try:
            with cf.ThreadPoolExecutor(1) as pool:
                pool.submit(job, None, '2.0', 0.2)
                pool.submit(job, None, '2.0' + 'w', 0.3)
            log('t2 pool closed')
            r = await asyncio.wrap_future(ex.submit(job, loop, '2.1', 1, False))
            log('t2 wrap', r)
            fs = [ex.submit(job, None, '2.2', 0.5), ex.submit(job, None, '2.2' + 'b', 0)]
            dn, nd = cf.wait(fs, timeout=0.2, return_when=cf.FIRST_COMPLETED)
            log('t2 cfwait', len(dn), len(nd))
            async with lock:
                r = await loop.run_in_executor(ex, job, None, '2.3', 0.2)
                log('t2 locked job', r)
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise
        except ValueError as e:
            log('t2 ValueError', e)

    async def t3():
        try:
            fs = [ex.submit(job, None, '3.0', 0.5), ex.submit(job, None, '3.0' + 'b', 1)]
            dn, nd = cf.wait(fs, timeout=0.2, return_when=cf.FIRST_COMPLETED)
            log('t3 cfwait', len(dn), len(nd))
            r = await loop.run_in_executor(ex, job, loop, '3.1', 1, False)
            log('t3 rie', r)
            try:
                x = await asyncio.wait_for(q.get(), 0.7)
                log('t3 got', x)
            except asyncio.TimeoutError:
                log('t3 get timeout')
            r = await asyncio.to_thread(job, None, '3.3', 0.1, True)
            log('t3 to_thread', r)
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
