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
            f = ex.submit(job, loop, '0.0', 0.1, False)
            try:
                log('t0 result', f.result(timeout=None))
            except Exception as e:
                log('t0 result error', type(e).__name__)
            with cf.ThreadPoolExecutor(1) as pool:
                pool.submit(job, None, '0.1', 0.1)
                pool.submit(job, None, '0.1' + 'w', 0)
            log('t0 pool closed')
            await q.put('0.2')
            log('t0 put')
            f = ex.submit(job, loop, '0.3', 0.1, False)
            try:
                log('t0 result', f.result(timeout=0.3))
            except Exception as e:
                log('t0 result error', type(e).__name__)
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise
        except ValueError as e:
            log('t0 ValueError', e)

    async def t1():
        try:
            fs = [ex.submit(job, None, '1.0', 0.5), ex.submit(job, None, '1.0' + 'b', 0)]
            dn, nd = cf.wait(fs, timeout=None, return_when=cf.ALL_COMPLETED)
            log('t1 cfwait', len(dn), len(nd))
            fs = [ex.submit(job, None, '1.1', 0.1), ex.submit(job, None, '1.1' + 'b', 0)]
            dn, nd = cf.wait(fs, timeout=0.6, return_when=cf.FIRST_COMPLETED)
            log('t1 cfwait', len(dn), len(nd))
            r = await asyncio.to_thread(job, None, '1.2', 1, False)
            log('t1 to_thread', r)
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise
        except ValueError as e:
            log('t1 ValueError', e)

    async def t2():
        try:
            r = await loop.run_in_executor(None, job, None, '2.0', 1, True)
            log('t2 rie', r)
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise
        except ValueError as e:
            log('t2 ValueError', e)

    async def t3():
        try:
            await q.put('3.0')
            log('t3 put')
            r = await asyncio.to_thread(job, loop, '3.1', 0, False)
            log('t3 to_thread', r)
            r = await asyncio.to_thread(job, None, '3.2', 0.1, False)
            log('t3 to_thread', r)
            async with lock:
                r = await loop.run_in_executor(ex, job, loop, '3.3', 0)
                log('t3 locked job', r)
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
    await asyncio.sleep(0.3)
    tasks[0].cancel()
    done, pending = await asyncio.wait(tasks, timeout=6)
    log('pending', len(pending))
    for t in tasks:
        if t in pending:
            t.cancel()
    ex.shutdown(wait=True)
    log('main end')


asyncio.run(main())
print(f'{time.monotonic():.2f} after run')
