import asyncio


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    ev = asyncio.Event()
    cond = asyncio.Condition()
    q = asyncio.Queue(1)
    tasks = []

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            await ev.wait()
            log('t0 event')
            await asyncio.sleep(1)
            try:
                await asyncio.wait_for(q.join(), 0.6)
                log('t0 joined')
            except asyncio.TimeoutError:
                log('t0 join timeout')
            async with cond:
                await cond.wait()
                log('t0 notified')
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise

    async def t1():
        try:
            async with lock:
                log('t1 has lock')
                await asyncio.sleep(0.1)
            await q.put('1.1')
            log('t1 put', q.qsize())
            await ev.wait()
            log('t1 event')
            await asyncio.sleep(0.1)
            ev.set()
            log('t1 set')
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise

    async def t2():
        try:
            try:
                await asyncio.wait_for(lock.acquire(), 0.1)
                log('t2 wf lock')
                await asyncio.sleep(0.25)
                lock.release()
            except asyncio.TimeoutError:
                log('t2 wf lock timeout')
            await asyncio.sleep(0)
            await asyncio.sleep(0.25)
            ev.set()
            log('t2 set')
            await asyncio.sleep(0)
            try:
                await asyncio.wait_for(lock.acquire(), 0.1)
                log('t2 wf lock')
                await asyncio.sleep(0)
                lock.release()
            except asyncio.TimeoutError:
                log('t2 wf lock timeout')
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise

    async def t3():
        try:
            try:
                await asyncio.wait_for(q.join(), 0.6)
                log('t3 joined')
            except asyncio.TimeoutError:
                log('t3 join timeout')
            async with cond:
                await cond.wait()
                log('t3 notified')
            x = await q.get()
            log('t3 got', x)
            async with cond:
                cond.notify(1)
                log('t3 notify')
            async with cond:
                await cond.wait()
                log('t3 notified')
            log('t3 end')
        except asyncio.CancelledError:
            log('t3 cancelled')
            raise

    async def t4():
        try:
            try:
                log('t4 nowait', q.get_nowait())
            except asyncio.QueueEmpty:
                log('t4 empty')
            try:
                log('t4 nowait', q.get_nowait())
            except asyncio.QueueEmpty:
                log('t4 empty')
            async with cond:
                await cond.wait()
                log('t4 notified')
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
