import asyncio


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(3)
    ev = asyncio.Event()
    cond = asyncio.Condition()
    q = asyncio.Queue(0)
    tasks = []

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            await q.put('0.0')
            log('t0 put', q.qsize())
            async with cond:
                await cond.wait()
                log('t0 notified')
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise

    async def t1():
        try:
            try:
                log('t1 nowait', q.get_nowait())
            except asyncio.QueueEmpty:
                log('t1 empty')
            try:
                q.put_nowait(1)
            except asyncio.QueueFull:
                log('t1 full')
            await asyncio.sleep(0.1)
            ev.set()
            log('t1 set')
            try:
                await asyncio.wait_for(lock.acquire(), 0.3)
                log('t1 wf lock')
                await asyncio.sleep(0.5)
                lock.release()
            except asyncio.TimeoutError:
                log('t1 wf lock timeout')
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise

    async def t2():
        try:
            async with sem:
                log('t2 in sem', sem.locked())
                await asyncio.sleep(0.1)
            x = await q.get()
            log('t2 got', x)
            x = await q.get()
            log('t2 got', x)
            try:
                await asyncio.wait_for(q.join(), 0.6)
                log('t2 joined')
            except asyncio.TimeoutError:
                log('t2 join timeout')
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise

    async def t3():
        try:
            async with cond:
                await cond.wait()
                log('t3 notified')
            log('t3 end')
        except asyncio.CancelledError:
            log('t3 cancelled')
            raise

    async def t4():
        try:
            async with lock:
                log('t4 has lock')
                await asyncio.sleep(1)
            async with sem:
                log('t4 in sem', sem.locked())
                await asyncio.sleep(0.25)
            await ev.wait()
            log('t4 event')
            try:
                await asyncio.wait_for(q.join(), 0.6)
                log('t4 joined')
            except asyncio.TimeoutError:
                log('t4 join timeout')
            async with sem:
                log('t4 in sem', sem.locked())
                await asyncio.sleep(1)
            log('t4 end')
        except asyncio.CancelledError:
            log('t4 cancelled')
            raise

    tasks.append(asyncio.create_task(t0()))
    tasks.append(asyncio.create_task(t1()))
    tasks.append(asyncio.create_task(t2()))
    tasks.append(asyncio.create_task(t3()))
    tasks.append(asyncio.create_task(t4()))
    await asyncio.sleep(0.05)
    tasks[0].cancel()
    done, pending = await asyncio.wait(tasks, timeout=5)
    log('pending', len(pending), 'locked', lock.locked(), sem.locked(), 'q', q.qsize())
    for t in tasks:
        if t in pending:
            t.cancel()


asyncio.run(main())
