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
    ex = cf.ThreadPoolExecutor(1)

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            r = await asyncio.wrap_future(ex.submit(job, None, '0.0', 0.5, False))
            log('t0 wrap', r)
            r = await loop.run_in_executor(ex, job, None, '0.1', 1, False)
            log('t0 rie', r)
            r = await loop.run_in_executor(None, job, None, '0.2', 0.2, False)
            log('t0 rie', r)
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
            r = await loop.run_in_executor(ex, job, loop, '1.0', 1, False)
            log('t1 rie', r)
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise
        except ValueError as e:
            log('t1 ValueError', e)

    async def t2():
        try:
            fs = [ex.submit(job, None, '2.0', 1), ex.submit(job, None, '2.0' + 'b', 0)]
            dn, nd = cf.wait(fs, timeout=0.6, return_when=cf.FIRST_COMPLETED)
            log('t2 cfwait', len(dn), len(nd))
            try:
                r = await asyncio.wait_for(loop.run_in_executor(ex, job, None, '2.1', 0), 2)
                log('t2 wf', r)
            except asyncio.TimeoutError:
                log('t2 wf timeout')
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise
        except ValueError as e:
            log('t2 ValueError', e)

    async def t3():
        try:
            async with lock:
                r = await loop.run_in_executor(ex, job, None, '3.0', 0.5)
                log('t3 locked job', r)
            r = await loop.run_in_executor(None, job, None, '3.1', 0.5, False)
            log('t3 rie', r)
            r = await loop.run_in_executor(ex, job, loop, '3.2', 0.2, False)
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
