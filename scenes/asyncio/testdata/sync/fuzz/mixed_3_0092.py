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
            try:
                r = await asyncio.wait_for(loop.run_in_executor(ex, job, None, '0.0', 1), 2)
                log('t0 wf', r)
            except asyncio.TimeoutError:
                log('t0 wf timeout')
            await q.put('0.1')
            log('t0 put')
            await asyncio.sleep(0)
            f = ex.submit(job, None, '0.3', 1, False)
            try:
                log('t0 result', f.result(timeout=None))
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
            f = ex.submit(job, loop, '1.0', 0.2, False)
            try:
                log('t1 result', f.result(timeout=None))
            except Exception as e:
                log('t1 result error', type(e).__name__)
            r = await loop.run_in_executor(None, job, None, '1.1', 0.2, True)
            log('t1 rie', r)
            async with lock:
                r = await loop.run_in_executor(ex, job, loop, '1.2', 1)
                log('t1 locked job', r)
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise
        except ValueError as e:
            log('t1 ValueError', e)

    async def t2():
        try:
            with cf.ThreadPoolExecutor(2) as pool:
                pool.submit(job, None, '2.0', 0.5)
                pool.submit(job, None, '2.0' + 'w', 0.3)
            log('t2 pool closed')
            try:
                x = await asyncio.wait_for(q.get(), 0.7)
                log('t2 got', x)
            except asyncio.TimeoutError:
                log('t2 get timeout')
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise
        except ValueError as e:
            log('t2 ValueError', e)

    async def t3():
        try:
            with cf.ThreadPoolExecutor(2) as pool:
                pool.submit(job, loop, '3.0', 0.2)
                pool.submit(job, None, '3.0' + 'w', 0.3)
            log('t3 pool closed')
            try:
                r = await asyncio.wait_for(loop.run_in_executor(ex, job, None, '3.1', 0.1), 0.05)
                log('t3 wf', r)
            except asyncio.TimeoutError:
                log('t3 wf timeout')
            fs = [ex.submit(job, None, '3.2', 0.2), ex.submit(job, None, '3.2' + 'b', 0)]
            dn, nd = cf.wait(fs, timeout=0.2, return_when=cf.ALL_COMPLETED)
            log('t3 cfwait', len(dn), len(nd))
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
    ex.shutdown(wait=False)
    log('main end')


asyncio.run(main())
print(f'{time.monotonic():.2f} after run')
