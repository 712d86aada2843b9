import asyncio


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(3)
    ev = asyncio.Event()
    cond = asyncio.Condition()
    q = asyncio.Queue(1)
    tasks = []

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            try:
                q.task_done()
            except ValueError:
                log('t0 td error')
            await asyncio.sleep(0.25)
            ev.set()
            log('t0 set')
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise

    async def t1():
        try:
            async with sem:
                log('t1 in sem', sem.locked())
                await asyncio.sleep(0.25)
            await ev.wait()
            log('t1 event')
            await q.put('1.2')
            log('t1 put', q.qsize())
            async with cond:
                cond.notify(2)
                log('t1 notify')
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise

    async def t2():
        try:
            async with cond:
                await cond.wait()
                log('t2 notified')
            await ev.wait()
            log('t2 event')
            try:
                q.put_nowait(2)
            except asyncio.QueueFull:
                log('t2 full')
            async with sem:
                log('t2 in sem', sem.locked())
                await asyncio.sleep(0.25)
            await ev.wait()
            log('t2 event')
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise

    async def t3():
        try:
            await asyncio.sleep(0)
            ev.set()
            log('t3 set')
            async with cond:
                await cond.wait()
                log('t3 notified')
            try:
                log('t3 nowait', q.get_nowait())
            except asyncio.QueueEmpty:
                log('t3 empty')
            x = await q.get()
            log('t3 got', x)
            await asyncio.sleep(0)
            log('t3 end')
        except asyncio.CancelledError:
            log('t3 cancelled')
            raise

    tasks.append(asyncio.create_task(t0()))
    tasks.append(asyncio.create_task(t1()))
    tasks.append(asyncio.create_task(t2()))
    tasks.append(asyncio.create_task(t3()))
    done, pending = await asyncio.wait(tasks, timeout=5)
    log('pending', len(pending), 'locked', lock.locked(), sem.locked(), 'q', q.qsize())
    for t in tasks:
        if t in pending:
            t.cancel()


asyncio.run(main())
