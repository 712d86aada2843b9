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
    ex = cf.ThreadPoolExecutor(1)

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            r = await loop.run_in_executor(None, job, None, '0.0', 1, False)
            log('t0 rie', r)
            with cf.ThreadPoolExecutor(2) as pool:
                pool.submit(job, loop, '0.1', 0)
                pool.submit(job, None, '0.1' + 'w', 0)
            log('t0 pool closed')
            fs = [ex.submit(job, None, '0.2', 0.1), ex.submit(job, None, '0.2' + 'b', 1)]
            dn, nd = cf.wait(fs, timeout=0.2, return_when=cf.ALL_COMPLETED)
            log('t0 cfwait', len(dn), len(nd))
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise
        except ValueError as e:
            log('t0 ValueError', e)

    async def t1():
        try:
            await asyncio.sleep(0)
            r = await asyncio.wrap_future(ex.submit(job, loop, '1.1', 0.2, False))
            log('t1 wrap', r)
            with cf.ThreadPoolExecutor(2) as pool:
                pool.submit(job, None, '1.2', 0.1)
                pool.submit(job, None, '1.2' + 'w', 0.3)
            log('t1 pool closed')
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise
        except ValueError as e:
            log('t1 ValueError', e)

    async def t2():
        try:
            r = await loop.run_in_executor(ex, job, None, '2.0', 0.1, False)
            log('t2 rie', r)
            await asyncio.sleep(0)
            f = ex.submit(job, loop, '2.2', 1, False)
            try:
                log('t2 result', f.result(timeout=None))
            except Exception as e:
                log('t2 result error', type(e).__name__)
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
