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
            f = ex.submit(job, loop, '0.0', 0.5, False)
            try:
                log('t0 result', f.result(timeout=None))
            except Exception as e:
                log('t0 result error', type(e).__name__)
            async with lock:
                r = await loop.run_in_executor(ex, job, None, '0.1', 1)
                log('t0 locked job', r)
            fs = [ex.submit(job, None, '0.2', 0.1), ex.submit(job, None, '0.2' + 'b', 1)]
            dn, nd = cf.wait(fs, timeout=None, return_when=cf.FIRST_COMPLETED)
            log('t0 cfwait', len(dn), len(nd))
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise
        except ValueError as e:
            log('t0 ValueError', e)

    async def t1():
        try:
            with cf.ThreadPoolExecutor(2) as pool:
                pool.submit(job, None, '1.0', 0)
                pool.submit(job, None, '1.0' + 'w', 0.3)
            log('t1 pool closed')
            r = await loop.run_in_executor(None, job, loop, '1.1', 0.1, False)
            log('t1 rie', r)
            f = ex.submit(job, loop, '1.2', 0, False)
            try:
                log('t1 result', f.result(timeout=0.3))
            except Exception as e:
                log('t1 result error', type(e).__name__)
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise
        except ValueError as e:
            log('t1 ValueError', e)

    async def t2():
        try:
            try:
                x = await asyncio.wait_for(q.get(), 0.7)
                log('t2 got', x)
            except asyncio.TimeoutError:
                log('t2 get timeout')
            fs = [ex.submit(job, None, '2.1', 0.5), ex.submit(job, None, '2.1' + 'b', 1)]
            dn, nd = cf.wait(fs, timeout=0.6, return_when=cf.FIRST_COMPLETED)
            log('t2 cfwait', len(dn), len(nd))
            r = await loop.run_in_executor(None, job, loop, '2.2', 0.2, False)
            log('t2 rie', r)
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise
        except ValueError as e:
            log('t2 ValueError', e)

    tasks = []
    tasks.append(asyncio.create_task(t0()))
    tasks.append(asyncio.create_task(t1()))
    tasks.append(asyncio.create_task(t2()))
    done, pending = await asyncio.wait(tasks, timeout=6)
    log('pending', len(pending))
    for t in tasks:
        if t in pending:
            t.cancel()
    ex.shutdown(wait=False)
    log('main end')


asyncio.run(main())
print(f'{time.monotonic():.2f} after run')
