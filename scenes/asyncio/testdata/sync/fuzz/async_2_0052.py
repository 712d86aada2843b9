import asyncio


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    ev = asyncio.Event()
    cond = asyncio.Condition()
    q = asyncio.Queue(3)
    tasks = []

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            try:
                await asyncio.wait_for(q.join(), 0.6)
                log('t0 joined')
            except asyncio.TimeoutError:
                log('t0 join timeout')
            try:
                x = await asyncio.wait_for(q.get(), 1)
                log('t0 wf got', x)
            except asyncio.TimeoutError:
                log('t0 wf timeout')
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise

    async def t1():
        try:
            try:
                q.put_nowait(0)
            except asyncio.QueueFull:
                log('t1 full')
            async with lock:
                log('t1 has lock')
                await asyncio.sleep(0)
            await asyncio.sleep(0)
            async with sem:
                log('t1 in sem', sem.locked())
                await asyncio.sleep(1)
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise

    async def t2():
        try:
            await q.put('2.0')
            log('t2 put', q.qsize())
            await q.put('2.1')
            log('t2 put', q.qsize())
            async with sem:
                log('t2 in sem', sem.locked())
                await asyncio.sleep(1)
            x = await q.get()
            log('t2 got', x)
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise

    async def t3():
        try:
            try:
                q.put_nowait(0)
            except asyncio.QueueFull:
                log('t3 full')
            try:
                q.task_done()
            except ValueError:
                log('t3 td error')
            async with lock:
                log('t3 has lock')
                await asyncio.sleep(0.5)
            log('t3 end')
        except asyncio.CancelledError:
            log('t3 cancelled')
            raise

    async def t4():
        try:
            try:
                x = await asyncio.wait_for(q.get(), 1)
                log('t4 wf got', x)
            except asyncio.TimeoutError:
                log('t4 wf timeout')
            await asyncio.sleep(1)
            ev.set()
            log('t4 set')
            await q.put('4.2')
            log('t4 put', q.qsize())
            try:
                q.task_done()
            except ValueError:
                log('t4 td error')
            await asyncio.sleep(0.5)
            log('t4 end')
        except asyncio.CancelledError:
            log('t4 cancelled')
            raise

    tasks.append(asyncio.create_task(t0()))
    tasks.append(asyncio.create_task(t1()))
    tasks.append(asyncio.create_task(t2()))
    tasks.append(asyncio.create_task(t3()))
    tasks.append(asyncio.create_task(t4()))
    await asyncio.sleep(0.1)
    tasks[3].cancel()
    await asyncio.sleep(0)
    tasks[1].cancel()
    done, pending = await asyncio.wait(tasks, timeout=5)
    log('pending', len(pending), 'locked', lock.locked(), sem.locked(), 'q', q.qsize())
    for t in tasks:
        if t in pending:
            t.cancel()


asyncio.run(main())
