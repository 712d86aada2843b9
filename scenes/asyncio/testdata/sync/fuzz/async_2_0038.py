import asyncio


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(3)
    ev = asyncio.Event()
    cond = asyncio.Condition()
    q = asyncio.Queue(2)
    tasks = []

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            async with cond:
                cond.notify(2)
                log('t0 notify')
            await q.put('0.1')
            log('t0 put', q.qsize())
            await asyncio.sleep(1)
            ev.set()
            log('t0 set')
            await asyncio.sleep(0)
            try:
                await asyncio.wait_for(lock.acquire(), 1)
                log('t0 wf lock')
                await asyncio.sleep(0.5)
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
                q.put_nowait(0)
            except asyncio.QueueFull:
                log('t1 full')
            await asyncio.sleep(0)
            try:
                x = await asyncio.wait_for(q.get(), 0.3)
                log('t1 wf got', x)
            except asyncio.TimeoutError:
                log('t1 wf timeout')
            try:
                q.put_nowait(3)
            except asyncio.QueueFull:
                log('t1 full')
            async with cond:
                cond.notify(1)
                log('t1 notify')
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise

    async def t2():
        try:
            try:
                q.task_done()
            except ValueError:
                log('t2 td error')
            await asyncio.sleep(0.5)
            ev.set()
            log('t2 set')
            ev.clear()
            await asyncio.sleep(0.5)
            ev.set()
            log('t2 set')
            try:
                await asyncio.wait_for(q.join(), 0.6)
                log('t2 joined')
            except asyncio.TimeoutError:
                log('t2 join timeout')
            try:
                log('t2 nowait', q.get_nowait())
            except asyncio.QueueEmpty:
                log('t2 empty')
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise

    async def t3():
        try:
            try:
                x = await asyncio.wait_for(q.get(), 0.3)
                log('t3 wf got', x)
            except asyncio.TimeoutError:
                log('t3 wf timeout')
            try:
                q.put_nowait(1)
            except asyncio.QueueFull:
                log('t3 full')
            await ev.wait()
            log('t3 event')
            log('t3 end')
        except asyncio.CancelledError:
            log('t3 cancelled')
            raise

    tasks.append(asyncio.create_task(t0()))
    tasks.append(asyncio.create_task(t1()))
    tasks.append(asyncio.create_task(t2()))
    tasks.append(asyncio.create_task(t3()))
    await asyncio.sleep(0.05)
    tasks[1].cancel()
    done, pending = await asyncio.wait(tasks, timeout=5)
    log('pending', len(pending), 'locked', lock.locked(), sem.locked(), 'q', q.qsize())
    for t in tasks:
        if t in pending:
            t.cancel()


asyncio.run(main())
