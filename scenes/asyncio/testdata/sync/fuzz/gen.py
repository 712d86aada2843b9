import random, sys, os

def gen_async(rng, idx):
    n_tasks = rng.randint(2, 5)
    lines = ["import asyncio", "", ""]
    prims = []
    lines.append("async def main():")
    lines.append("    loop = asyncio.get_running_loop()")
    lines.append("    lock = asyncio.Lock()")
    lines.append(f"    sem = asyncio.Semaphore({rng.randint(1,3)})")
    lines.append("    ev = asyncio.Event()")
    lines.append("    cond = asyncio.Condition()")
    lines.append(f"    q = asyncio.Queue({rng.choice([0,1,2,3])})")
    lines.append("    tasks = []")
    lines.append("")
    lines.append("    def log(*a):")
    lines.append("        print(f'{loop.time():.2f}', *a)")
    lines.append("")
    for i in range(n_tasks):
        lines.append(f"    async def t{i}():")
        lines.append("        try:")
        n_ops = rng.randint(1, 5)
        for k in range(n_ops):
            op = rng.choice(["lock", "sem", "evwait", "evset", "put", "get", "sleep", "cond_wait", "cond_notify", "wf_get", "wf_lock", "put_nowait", "get_nowait", "join", "task_done"])
            d = rng.choice([0, 0, 0.1, 0.25, 0.5, 1])
            pre = "            "
            if op == "lock":
                lines += [pre+"async with lock:", pre+f"    log('t{i} has lock')", pre+f"    await asyncio.sleep({d})"]
            elif op == "sem":
                lines += [pre+"async with sem:", pre+f"    log('t{i} in sem', sem.locked())", pre+f"    await asyncio.sleep({d})"]
            elif op == "evwait":
                lines += [pre+"await ev.wait()", pre+f"log('t{i} event')"]
            elif op == "evset":
                lines += [pre+f"await asyncio.sleep({d})", pre+"ev.set()", pre+f"log('t{i} set')"]
                if rng.random() < 0.3:
                    lines += [pre+"ev.clear()"]
            elif op == "put":
                lines += [pre+f"await q.put('{i}.{k}')", pre+f"log('t{i} put', q.qsize())"]
            elif op == "get":
                lines += [pre+"x = await q.get()", pre+f"log('t{i} got', x)"]
            elif op == "sleep":
                lines += [pre+f"await asyncio.sleep({d})"]
            elif op == "cond_wait":
                lines += [pre+"async with cond:", pre+"    await cond.wait()", pre+f"    log('t{i} notified')"]
            elif op == "cond_notify":
                lines += [pre+"async with cond:", pre+f"    cond.notify({rng.choice([1,2])})", pre+f"    log('t{i} notify')"]
            elif op == "wf_get":
                lines += [pre+"try:", pre+f"    x = await asyncio.wait_for(q.get(), {rng.choice([0.1,0.3,1])})", pre+f"    log('t{i} wf got', x)", pre+"except asyncio.TimeoutError:", pre+f"    log('t{i} wf timeout')"]
            elif op == "wf_lock":
                lines += [pre+"try:", pre+f"    await asyncio.wait_for(lock.acquire(), {rng.choice([0.1,0.3,1])})", pre+f"    log('t{i} wf lock')", pre+f"    await asyncio.sleep({d})", pre+"    lock.release()", pre+"except asyncio.TimeoutError:", pre+f"    log('t{i} wf lock timeout')"]
            elif op == "put_nowait":
                lines += [pre+"try:", pre+f"    q.put_nowait({k})", pre+"except asyncio.QueueFull:", pre+f"    log('t{i} full')"]
            elif op == "get_nowait":
                lines += [pre+"try:", pre+f"    log('t{i} nowait', q.get_nowait())", pre+"except asyncio.QueueEmpty:", pre+f"    log('t{i} empty')"]
            elif op == "join":
                lines += [pre+"try:", pre+"    await asyncio.wait_for(q.join(), 0.6)", pre+f"    log('t{i} joined')", pre+"except asyncio.TimeoutError:", pre+f"    log('t{i} join timeout')"]
            elif op == "task_done":
                lines += [pre+"try:", pre+"    q.task_done()", pre+"except ValueError:", pre+f"    log('t{i} td error')"]
        lines.append(f"            log('t{i} end')")
        lines.append("        except asyncio.CancelledError:")
        lines.append(f"            log('t{i} cancelled')")
        lines.append("            raise")
        lines.append("")
    for i in range(n_tasks):
        lines.append(f"    tasks.append(asyncio.create_task(t{i}()))")
    n_cancels = rng.randint(0, 2)
    for c in range(n_cancels):
        lines.append(f"    await asyncio.sleep({rng.choice([0, 0.05, 0.1, 0.3, 0.5])})")
        lines.append(f"    tasks[{rng.randrange(n_tasks)}].cancel()")
    lines.append("    done, pending = await asyncio.wait(tasks, timeout=5)")
    lines.append("    log('pending', len(pending), 'locked', lock.locked(), sem.locked(), 'q', q.qsize())")
    lines.append("    for t in tasks:")
    lines.append("        if t in pending:")
    lines.append("            t.cancel()")
    lines.append("")
    lines.append("")
    lines.append("asyncio.run(main())")
    return "\n".join(lines) + "\n"


def gen_threads(rng, idx):
    L = ["import asyncio", "import time", "import concurrent.futures as cf", "", ""]
    L.append("def job(name, d, fail=False):")
    L.append("    time.sleep(d)")
    L.append("    if fail:")
    L.append("        raise ValueError(name)")
    L.append("    print(f'{time.monotonic():.2f} job {name} done')")
    L.append("    return name")
    L.append("")
    L.append("")
    L.append("def cb(f):")
    L.append("    print(f'{time.monotonic():.2f} cb', f.exception() is None)")
    L.append("")
    L.append("")
    mw = rng.choice([1, 2, 3, None])
    mode = rng.choice(["sync", "async", "async"])
    jobs = [(f"j{k}", rng.choice([0, 0.1, 0.25, 0.5, 1, 1.5]), rng.random() < 0.15) for k in range(rng.randint(1, 7))]
    if mode == "sync":
        L.append(f"ex = cf.ThreadPoolExecutor({mw})")
        L.append("fs = []")
        for name, d, fail in jobs:
            L.append(f"fs.append(ex.submit(job, '{name}', {d}, {fail}))")
            if rng.random() < 0.3:
                L.append("fs[-1].add_done_callback(cb)")
            if rng.random() < 0.3:
                L.append(f"time.sleep({rng.choice([0, 0.1, 0.3])})")
        if rng.random() < 0.3:
            L.append(f"print('cancel', fs[-1].cancel())")
        w = rng.choice(["as_completed", "as_completed", "wait_first", "wait_all", "results", "map", "none", "shutdown", "uncaught", "with_map"])
        if w == "as_completed":
            L.append("try:")
            L.append("    for f in cf.as_completed(fs):")
            L.append("        print(f'{time.monotonic():.2f} completed', f.exception() if not f.cancelled() else 'cancelled')")
            L.append("except Exception as e:")
            L.append("    print(type(e).__name__)")
        elif w == "wait_first":
            L.append("d, p = cf.wait(fs, return_when=cf.FIRST_COMPLETED)")
            L.append("print(f'{time.monotonic():.2f} first', len(d), len(p))")
        elif w == "wait_all":
            L.append(f"d, p = cf.wait(fs, timeout={rng.choice([None, 0.3, 1])}, return_when=cf.{rng.choice(['ALL_COMPLETED','FIRST_EXCEPTION'])})")
            L.append("print(f'{time.monotonic():.2f} waited', len(d), len(p))")
        elif w == "results":
            L.append("for f in fs:")
            L.append("    try:")
            L.append(f"        print(f'{{time.monotonic():.2f}} result', f.result(timeout={rng.choice([None, 0.5, 2])}))")
            L.append("    except Exception as e:")
            L.append("        print(f'{time.monotonic():.2f}', type(e).__name__)")
        elif w == "map":
            L.append("try:")
            L.append(f"    for r in ex.map(job, ['m1', 'm2', 'm3'], [0.3, 0.1, 0.2]):")
            L.append("        print(f'{time.monotonic():.2f} map', r)")
            L.append("except Exception as e:")
            L.append("    print(type(e).__name__)")
        elif w == "uncaught":
            L.append("for f in fs:")
            L.append("    print(f'{time.monotonic():.2f} result', f.result())")
        elif w == "with_map":
            L.append(f"with cf.ThreadPoolExecutor({rng.choice([1, 2])}) as ex2:")
            L.append(f"    for r in ex2.map(job, ['w1', 'w2', 'w3'], [0.2, 0.1, 0.3], [False, {rng.random() < 0.3}, False]):")
            L.append("        print(f'{time.monotonic():.2f} with map', r)")
        elif w == "shutdown":
            L.append(f"ex.shutdown(wait={rng.choice([True, False])}, cancel_futures={rng.choice([True, False])})")
            L.append("print(f'{time.monotonic():.2f} shut')")
        L.append("print(f'{time.monotonic():.2f} main end')")
    else:
        L.append("async def main():")
        L.append("    loop = asyncio.get_running_loop()")
        L.append("")
        L.append("    async def ticker():")
        L.append("        for i in range(4):")
        L.append(f"            await asyncio.sleep({rng.choice([0.1, 0.25, 0.5])})")
        L.append("            print(f'{loop.time():.2f} tick', i)")
        L.append("")
        L.append("    t = asyncio.create_task(ticker())")
        own = rng.random() < 0.5
        if own:
            L.append(f"    ex = cf.ThreadPoolExecutor({mw})")
        L.append("    futs = []")
        for name, d, fail in jobs:
            how = rng.choice(["rie", "to_thread", "wrap"])
            if how == "rie":
                L.append(f"    futs.append(loop.run_in_executor({'ex' if own else 'None'}, job, '{name}', {d}, {fail}))")
            elif how == "to_thread":
                L.append(f"    futs.append(asyncio.ensure_future(asyncio.to_thread(job, '{name}', {d}, {fail})))")
            else:
                if own:
                    L.append(f"    futs.append(asyncio.wrap_future(ex.submit(job, '{name}', {d}, {fail})))")
                else:
                    L.append(f"    futs.append(loop.run_in_executor(None, job, '{name}', {d}, {fail}))")
            r = rng.random()
            if r < 0.2:
                L.append(f"    time.sleep({rng.choice([0, 0.1, 0.3])})")
            elif r < 0.4:
                L.append(f"    await asyncio.sleep({rng.choice([0, 0.1, 0.3])})")
        if rng.random() < 0.3:
            L.append(f"    futs[{rng.randrange(len(jobs))}].cancel()")
        L.append("    res = await asyncio.gather(*futs, return_exceptions=True)")
        L.append("    print(f'{loop.time():.2f} gathered', [type(r).__name__ for r in res])")
        L.append("    await t")
        if own and rng.random() < 0.7:
            L.append("    ex.shutdown(wait=True)")
        L.append("    print(f'{loop.time():.2f} main end')")
        L.append("")
        L.append("")
        L.append("asyncio.run(main())")
        L.append("print(f'{time.monotonic():.2f} after run')")
    return "\n".join(L) + "\n"


def main():
    kind, n, seed, outdir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    os.makedirs(outdir, exist_ok=True)
    for i in range(n):
        rng = random.Random(seed * 100000 + i)
        src = {"async": gen_async, "threads": gen_threads, "mixed": gen_mixed}[kind](rng, i)
        with open(os.path.join(outdir, f"{kind}_{seed}_{i:04d}.py"), "w") as f:
            f.write(src)



def gen_mixed(rng, idx):
    L = ["import asyncio", "import time", "import concurrent.futures as cf", "", ""]
    L += ["def job(loop, name, d, fail=False):",
          "    time.sleep(d)",
          "    if fail:",
          "        raise ValueError(name)",
          "    if loop is not None:",
          "        loop.call_soon_threadsafe(print, f'{time.monotonic():.2f} threadsafe from', name)",
          "    print(f'{time.monotonic():.2f} job', name)",
          "    return name", "", ""]
    L += ["async def main():",
          "    loop = asyncio.get_running_loop()",
          "    lock = asyncio.Lock()",
          f"    q = asyncio.Queue({rng.choice([0, 1, 2])})",
          f"    ex = cf.ThreadPoolExecutor({rng.choice([1, 2, 3])})",
          "",
          "    def log(*a):",
          "        print(f'{loop.time():.2f}', *a)",
          ""]
    n = rng.randint(2, 4)
    for i in range(n):
        L.append(f"    async def t{i}():")
        L.append("        try:")
        for k in range(rng.randint(1, 4)):
            op = rng.choice(["rie", "rie", "to_thread", "wrap", "stall", "sleep", "lock_job", "put", "get", "wf_rie", "cfwait", "with_pool", "result_block"])
            d = rng.choice([0, 0.1, 0.2, 0.5, 1])
            use_loop = rng.random() < 0.4
            lp = "loop" if use_loop else "None"
            fail = rng.random() < 0.1
            p = "            "
            name = f"'{i}.{k}'"
            if op == "rie":
                L += [p + f"r = await loop.run_in_executor({rng.choice(['ex', 'None'])}, job, {lp}, {name}, {d}, {fail})", p + f"log('t{i} rie', r)"]
            elif op == "to_thread":
                L += [p + f"r = await asyncio.to_thread(job, {lp}, {name}, {d}, {fail})", p + f"log('t{i} to_thread', r)"]
            elif op == "wrap":
                L += [p + f"r = await asyncio.wrap_future(ex.submit(job, {lp}, {name}, {d}, {fail}))", p + f"log('t{i} wrap', r)"]
            elif op == "stall":
                L += [p + f"time.sleep({d})", p + f"log('t{i} stalled')"]
            elif op == "sleep":
                L += [p + f"await asyncio.sleep({d})"]
            elif op == "lock_job":
                L += [p + "async with lock:", p + f"    r = await loop.run_in_executor(ex, job, {lp}, {name}, {d})", p + f"    log('t{i} locked job', r)"]
            elif op == "put":
                L += [p + f"await q.put({name})", p + f"log('t{i} put')"]
            elif op == "get":
                L += [p + "try:", p + "    x = await asyncio.wait_for(q.get(), 0.7)", p + f"    log('t{i} got', x)", p + "except asyncio.TimeoutError:", p + f"    log('t{i} get timeout')"]
            elif op == "wf_rie":
                L += [p + "try:", p + f"    r = await asyncio.wait_for(loop.run_in_executor(ex, job, {lp}, {name}, {d}), {rng.choice([0.05, 0.3, 2])})", p + f"    log('t{i} wf', r)", p + "except asyncio.TimeoutError:", p + f"    log('t{i} wf timeout')"]
            elif op == "cfwait":
                L += [p + f"fs = [ex.submit(job, None, {name}, {d}), ex.submit(job, None, {name} + 'b', {rng.choice([0, 0.3, 1])})]",
                      p + f"dn, nd = cf.wait(fs, timeout={rng.choice([None, 0.2, 0.6])}, return_when=cf.{rng.choice(['FIRST_COMPLETED', 'ALL_COMPLETED'])})",
                      p + f"log('t{i} cfwait', len(dn), len(nd))"]
            elif op == "with_pool":
                L += [p + f"with cf.ThreadPoolExecutor({rng.choice([1, 2])}) as pool:",
                      p + f"    pool.submit(job, {lp}, {name}, {d})",
                      p + f"    pool.submit(job, None, {name} + 'w', {rng.choice([0, 0.3])})",
                      p + f"log('t{i} pool closed')"]
            elif op == "result_block":
                L += [p + f"f = ex.submit(job, {lp}, {name}, {d}, {fail})", p + "try:", p + f"    log('t{i} result', f.result(timeout={rng.choice([None, 0.3])}))", p + "except Exception as e:", p + f"    log('t{i} result error', type(e).__name__)"]
        L += [f"            log('t{i} end')",
              "        except asyncio.CancelledError:",
              f"            log('t{i} cancelled')",
              "            raise",
              "        except ValueError as e:",
              f"            log('t{i} ValueError', e)",
              ""]
    L.append(f"    tasks = [asyncio.create_task(t{i}()) for i in range({n})]" if False else "    tasks = []")
    for i in range(n):
        L.append(f"    tasks.append(asyncio.create_task(t{i}()))")
    if rng.random() < 0.3:
        L += [f"    await asyncio.sleep({rng.choice([0, 0.1, 0.3])})", f"    tasks[{rng.randrange(n)}].cancel()"]
    L += ["    done, pending = await asyncio.wait(tasks, timeout=6)",
          "    log('pending', len(pending))",
          "    for t in tasks:",
          "        if t in pending:",
          "            t.cancel()",
          f"    ex.shutdown(wait={rng.choice([True, False])})",
          "    log('main end')", "", "",
          "asyncio.run(main())",
          "print(f'{time.monotonic():.2f} after run')"]
    return "\n".join(L) + "\n"


main()
