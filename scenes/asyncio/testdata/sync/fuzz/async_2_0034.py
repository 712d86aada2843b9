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
            try:
                q.task_done()
            except ValueError:
                log('t0 td error')
            try:
                q.put_nowait(2)
            except asyncio.QueueFull:
                log('t0 full')
            await q.put('0.3')
            log('t0 put', q.qsize())
            try:
                await asyncio.wait_for(lock.acquire(), 0.3)
                log('t0 wf lock')
                await asyncio.sleep(0.25)
                lock.release()
            except asyncio.TimeoutError:
                log('t0 wf lock timeout')
            log('t0 end')
        except asyncio.CancelledError:
            log('t0 cancelled')
            raise

    async def t1():
        try:
            try:
                x = await asyncio.wait_for(q.get(), 1)
                log('t1 wf got', x)
            except asyncio.TimeoutError:
                log('t1 wf timeout')
            try:
                q.task_done()
            except ValueError:
                log('t1 td error')
            await asyncio.sleep(0.5)
            ev.set()
            log('t1 set')
            try:
                x = await asyncio.wait_for(q.get(), 0.1)
                log('t1 wf got', x)
            except asyncio.TimeoutError:
                log('t1 wf timeout')
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise

    async def t2():
        try:
            try:
                q.put_nowait(0)
            except asyncio.QueueFull:
                log('t2 full')
            async with sem:
                log('t2 in sem', sem.locked())
                await asyncio.sleep(0.5)
            async with cond:
                cond.notify(1)
                log('t2 notify')
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise

    async def t3():
        try:
            try:
                log('t3 nowait', q.get_nowait())
            except asyncio.QueueEmpty:
                log('t3 empty')
            try:
                x = await asyncio.wait_for(q.get(), 0.3)
                log('t3 wf got', x)
            except asyncio.TimeoutError:
                log('t3 wf timeout')
            async with lock:
                log('t3 has lock')
                await asyncio.sleep(0.25)
            log('t3 end')
        except asyncio.CancelledError:
            log('t3 cancelled')
            raise

    async def t4():
        try:
            async with cond:
                await cond.wait()
                log('t4 notified')
            await q.put('4.1')
            log('t4 put', q.qsize())
            await q.put('4.2')
            log('t4 put', q.qsize())
            await ev.wait()
            log('t4 event')
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
