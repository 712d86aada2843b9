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
                x = await asyncio.wait_for(q.get(), 0.3)
                log('t0 wf got', x)
            except asyncio.TimeoutError:
                log('t0 wf timeout')
            await q.put('0.1')
            log('t0 put', q.qsize())
            async with sem:
                log('t0 in sem', sem.locked())
                await asyncio.sleep(0.5)
            await ev.wait()
            log('t0 event')
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise

    async def t1():
        try:
            async with cond:
                cond.notify(1)
                log('t1 notify')
            async with lock:
                log('t1 has lock')
                await asyncio.sleep(0)
            async with sem:
                log('t1 in sem', sem.locked())
                await asyncio.sleep(0.25)
            async with sem:
                log('t1 in sem', sem.locked())
                await asyncio.sleep(0)
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise

    async def t2():
        try:
            await q.put('2.0')
            log('t2 put', q.qsize())
            x = await q.get()
            log('t2 got', x)
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise

    async def t3():
        try:
            await asyncio.sleep(0.1)
            ev.set()
            log('t3 set')
            try:
                q.task_done()
            except ValueError:
                log('t3 td error')
            try:
                log('t3 nowait', q.get_nowait())
            except asyncio.QueueEmpty:
                log('t3 empty')
            try:
                log('t3 nowait', q.get_nowait())
            except asyncio.QueueEmpty:
                log('t3 empty')
            log('t3 end')
        except asyncio.CancelledError:
            log('t3 cancelled')
            raise

    async def t4():
        try:
            try:
                await asyncio.wait_for(lock.acquire(), 0.3)
                log('t4 wf lock')
                await asyncio.sleep(0)
                lock.release()
            except asyncio.TimeoutError:
                log('t4 wf lock timeout')
            async with sem:
                log('t4 in sem', sem.locked())
                await asyncio.sleep(0.25)
            await q.put('4.2')
            log('t4 put', q.qsize())
            try:
                await asyncio.wait_for(q.join(), 0.6)
                log('t4 joined')
            except asyncio.TimeoutError:
                log('t4 join timeout')
            x = await q.get()
            log('t4 got', x)
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
