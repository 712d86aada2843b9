import asyncio


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    ev = asyncio.Event()
    cond = asyncio.Condition()
    q = asyncio.Queue(0)
    tasks = []

    def log(*a):
        print(f'{loop.time():.2f}', *a)

    async def t0():
        try:
            async with lock:
                log('t0 has lock')
                await asyncio.sleep(0)
            try:
                q.task_done()
            except ValueError:
                log('t0 td error')
            async with lock:
                log('t0 has lock')
                await asyncio.sleep(0)
            try:
                await asyncio.wait_for(lock.acquire(), 0.3)
                log('t0 wf lock')
                await asyncio.sleep(0.1)
                lock.release()
            except asyncio.TimeoutError:
                log('t0 wf lock timeout')
            try:
                await asyncio.wait_for(lock.acquire(), 0.3)
                log('t0 wf lock')
                await asyncio.sleep(0)
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
                x = await asyncio.wait_for(q.get(), 0.3)
                log('t1 wf got', x)
            except asyncio.TimeoutError:
                log('t1 wf timeout')
            try:
                log('t1 nowait', q.get_nowait())
            except asyncio.QueueEmpty:
                log('t1 empty')
            x = await q.get()
            log('t1 got', x)
            await q.put('1.3')
            log('t1 put', q.qsize())
            try:
                await asyncio.wait_for(q.join(), 0.6)
                log('t1 joined')
            except asyncio.TimeoutError:
                log('t1 join timeout')
            log('t1 end')
        except asyncio.CancelledError:
            log('t1 cancelled')
            raise

    async def t2():
        try:
            try:
                x = await asyncio.wait_for(q.get(), 0.3)
                log('t2 wf got', x)
            except asyncio.TimeoutError:
                log('t2 wf timeout')
            await asyncio.sleep(1)
            ev.set()
            log('t2 set')
            async with cond:
                cond.notify(2)
                log('t2 notify')
            try:
                x = await asyncio.wait_for(q.get(), 0.1)
                log('t2 wf got', x)
            except asyncio.TimeoutError:
                log('t2 wf timeout')
            log('t2 end')
        except asyncio.CancelledError:
            log('t2 cancelled')
            raise

    async def t3():
        try:
            await q.put('3.0')
            log('t3 put', q.qsize())
            async with sem:
                log('t3 in sem', sem.locked())
                await asyncio.sleep(0.1)
            try:
                await asyncio.wait_for(lock.acquire(), 1)
                log('t3 wf lock')
                await asyncio.sleep(0)
                lock.release()
            except asyncio.TimeoutError:
                log('t3 wf lock timeout')
            async with lock:
                log('t3 has lock')
                await asyncio.sleep(0)
            log('t3 end')
        except asyncio.CancelledError:
            log('t3 cancelled')
            raise

    async def t4():
        try:
            x = await q.get()
            log('t4 got', x)
            try:
                await asyncio.wait_for(q.join(), 0.6)
                log('t4 joined')
            except asyncio.TimeoutError:
                log('t4 join timeout')
            try:
                await asyncio.wait_for(lock.acquire(), 1)
                log('t4 wf lock')
                await asyncio.sleep(0.25)
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
    await asyncio.sleep(0.5)
    tasks[4].cancel()
    await asyncio.sleep(0.5)
    tasks[3].cancel()
    done, pending = await asyncio.wait(tasks, timeout=5)
    log('pending', len(pending), 'locked', lock.locked(), sem.locked(), 'q', q.qsize())
    for t in tasks:
        if t in pending:
            t.cancel()


asyncio.run(main())
