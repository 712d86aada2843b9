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
            try:
                q.put_nowait(0)
            except asyncio.QueueFull:
                log('t0 full')
            await asyncio.sleep(0)
            ev.set()
            log('t0 set')
            await ev.wait()
            log('t0 event')
            async with sem:
                log('t0 in sem', sem.locked())
                await asyncio.sleep(0)
            async with cond:
                cond.notify(1)
                log('t0 notify')
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise

    async def t1():
        try:
            async with sem:
                log('t1 in sem', sem.locked())
                await asyncio.sleep(1)
            x = await q.get()
            log('t1 got', x)
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise

    async def t2():
        try:
            try:
                log('t2 nowait', q.get_nowait())
            except asyncio.QueueEmpty:
                log('t2 empty')
            await asyncio.sleep(0.1)
            ev.set()
            log('t2 set')
            await asyncio.sleep(0.25)
            try:
                q.put_nowait(3)
            except asyncio.QueueFull:
                log('t2 full')
            async with lock:
                log('t2 has lock')
                await asyncio.sleep(0.5)
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise

    async def t3():
        try:
            async with cond:
                await cond.wait()
                log('t3 notified')
            try:
                await asyncio.wait_for(lock.acquire(), 0.1)
                log('t3 wf lock')
                await asyncio.sleep(0.1)
                lock.release()
            except asyncio.TimeoutError:
                log('t3 wf lock timeout')
            async with sem:
                log('t3 in sem', sem.locked())
                await asyncio.sleep(0.25)
            await asyncio.sleep(0.5)
            ev.set()
            log('t3 set')
            ev.clear()
            try:
                await asyncio.wait_for(q.join(), 0.6)
                log('t3 joined')
            except asyncio.TimeoutError:
                log('t3 join timeout')
            log('t3 end')
        except asyncio.CancelledError:
            log('t3 cancelled')
            raise

    async def t4():
        try:
            async with lock:
                log('t4 has lock')
                await asyncio.sleep(0.25)
            try:
                x = await asyncio.wait_for(q.get(), 1)
                log('t4 wf got', x)
            except asyncio.TimeoutError:
                log('t4 wf timeout')
            await ev.wait()
            log('t4 event')
            async with sem:
                log('t4 in sem', sem.locked())
                await asyncio.sleep(0.25)
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
    tasks[4].cancel()
    done, pending = await asyncio.wait(tasks, timeout=5)
    log('pending', len(pending), 'locked', lock.locked(), sem.locked(), 'q', q.qsize())
    for t in tasks:
        if t in pending:
            t.cancel()


asyncio.run(main())
