import asyncio


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    ev = asyncio.Event()
    cond = asyncio.Condition()
    q = asyncio.Queue(3)
    tasks = []

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            await asyncio.sleep(1)
            ev.set()
            log('t0 set')
            async with cond:
                cond.notify(1)
                log('t0 notify')
            try:
                x = await asyncio.wait_for(q.get(), 0.1)
                log('t0 wf got', x)
            except asyncio.TimeoutError:
                log('t0 wf timeout')
            async with cond:
                cond.notify(1)
                log('t0 notify')
            try:
                await asyncio.wait_for(q.join(), 0.6)
                log('t0 joined')
            except asyncio.TimeoutError:
                log('t0 join timeout')
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise

    async def t1():
        try:
            await asyncio.sleep(1)
            ev.set()
            log('t1 set')
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise

    async def t2():
        try:
            x = await q.get()
            log('t2 got', x)
            x = await q.get()
            log('t2 got', x)
            async with cond:
                cond.notify(2)
                log('t2 notify')
            x = await q.get()
            log('t2 got', x)
            await q.put('2.4')
            log('t2 put', q.qsize())
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
            await q.put('3.1')
            log('t3 put', q.qsize())
            log('t3 end')
        except asyncio.CancelledError:
            log('t3 cancelled')
            raise

    async def t4():
        try:
            try:
                q.task_done()
            except ValueError:
                log('t4 td error')
            try:
                await asyncio.wait_for(lock.acquire(), 0.3)
                log('t4 wf lock')
                await asyncio.sleep(0)
                lock.release()
            except asyncio.TimeoutError:
                log('t4 wf lock timeout')
            log('t4 end')
        except asyncio.CancelledError:
            log('t4 cancelled')
            raise

    tasks.append(asyncio.create_task(t0()))
    tasks.append(asyncio.create_task(t1()))
    tasks.append(asyncio.create_task(t2()))
    tasks.append(asyncio.create_task(t3()))
    tasks.append(asyncio.create_task(t4()))
    done, pending = await asyncio.wait(tasks, timeout=5)
    log('pending', len(pending), 'locked', lock.locked(), sem.locked(), 'q', q.qsize())
    for t in tasks:
        if t in pending:
            t.cancel()


asyncio.run(main())
