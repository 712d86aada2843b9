"""Generate random asyncio scenes for TestDifferential (see difftest_test.go).

Usage: python3 gen_scenes.py FIRST_SEED END_SEED OUTDIR
"""
import os
import random
import sys

def gen(seed):
    r = random.Random(seed)
    delays = [0, 0, 0.1, 0.2, 0.25, 0.3, 0.5, 1, 0.05]
    lines = ["import asyncio", "", "LOG = []", ""]
    nworkers = r.randint(2, 5)
    mode = r.choice(["gather", "gather_exc", "tasks", "wait", "taskgroup", "wait_for_all", "as_completed"])
    # as_completed makes its tasks in set(fs) order, which follows memory
    # addresses in CPython: their Task-N names are not reproducible.
    name = "'?'" if mode == "as_completed" else "asyncio.current_task().get_name()"
    for w in range(nworkers):
        body = []
        for s in range(r.randint(1, 4)):
            k = r.random()
            d = r.choice(delays)
            if k < 0.5:
                body.append(f"await asyncio.sleep({d})")
            elif k < 0.65:
                body.append(f"await asyncio.wait_for(asyncio.sleep({d}), {r.choice(delays[2:])})")
            elif k < 0.75:
                body.append(f"await asyncio.shield(asyncio.sleep({d}))")
            elif k < 0.85:
                body.append(f"async with asyncio.timeout({r.choice(delays[2:])}):\n            await asyncio.sleep({d})")
            else:
                body.append(f"print('w{w} yields', asyncio.get_running_loop().time())\n        await asyncio.sleep(0)")
            body.append(f"print('w{w} step {s}', {name}, asyncio.get_running_loop().time())")
        if r.random() < 0.2:
            body.append(f"raise ValueError('w{w} fails')")
        body.append(f"return {w}")
        lines.append(f"async def w{w}():")
        lines.append("    try:")
        for b in body:
            lines.append("        " + b)
        lines.append("    except asyncio.CancelledError:")
        lines.append(f"        print('w{w} cancelled', asyncio.get_running_loop().time())")
        if r.random() < 0.5:
            lines.append("        raise")
        else:
            lines.append(f"        return 'w{w} swallowed'")
        lines.append("    except TimeoutError:")
        lines.append(f"        print('w{w} timeout', asyncio.get_running_loop().time())")
        lines.append(f"        return 'w{w} timeout'")
        lines.append("")
    lines.append("async def main():")
    lines.append("    loop = asyncio.get_running_loop()")
    ws = ", ".join(f"w{i}()" for i in range(nworkers))
    if mode == "gather":
        lines.append(f"    try:\n        print(await asyncio.gather({ws}))\n    except Exception as e:\n        print('gather raised', repr(e))")
    elif mode == "gather_exc":
        lines.append(f"    g = asyncio.gather({ws}, return_exceptions=True)")
        if r.random() < 0.5:
            lines.append(f"    loop.call_later({r.choice(delays[2:])}, g.cancel)")
        lines.append("    try:\n        print(await g)\n    except asyncio.CancelledError:\n        print('gather cancelled', loop.time())")
    elif mode == "tasks":
        lines.append(f"    ts = [asyncio.create_task(w()) for w in ({', '.join(f'w{i}' for i in range(nworkers))})]")
        lines.append(f"    await asyncio.sleep({r.choice(delays)})")
        lines.append(f"    print('cancel', ts[{r.randrange(nworkers)}].cancel())")
        lines.append("    for t in ts:\n        try:\n            print(t.get_name(), await t)\n        except BaseException as e:\n            print(t.get_name(), 'raised', type(e).__name__)")
    elif mode == "wait":
        lines.append(f"    ts = [asyncio.create_task(w()) for w in ({', '.join(f'w{i}' for i in range(nworkers))})]")
        rw = r.choice(["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"])
        lines.append(f"    done, pending = await asyncio.wait(ts, timeout={r.choice([None, 0.2, 0.5])}, return_when=asyncio.{rw})")
        lines.append("    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))")
    elif mode == "taskgroup":
        lines.append("    try:\n        async with asyncio.TaskGroup() as tg:")
        for i in range(nworkers):
            lines.append(f"            tg.create_task(w{i}())")
        lines.append("    except ExceptionGroup as eg:\n        print('group', [str(e) for e in eg.exceptions])")
    elif mode == "wait_for_all":
        lines.append(f"    try:\n        print(await asyncio.wait_for(asyncio.gather({ws}), {r.choice(delays[2:])}))\n    except Exception as e:\n        print('outer', type(e).__name__, loop.time())")
    else:
        lines.append(f"    for c in asyncio.as_completed([{ws}]):\n        try:\n            print('got', await c)\n        except Exception as e:\n            print('err', e)")
    lines.append("    print('main ends', loop.time())")
    lines.append("")
    lines.append("asyncio.run(main())")
    return "\n".join(lines) + "\n"

out = sys.argv[3]
os.makedirs(out, exist_ok=True)
for s in range(int(sys.argv[1]), int(sys.argv[2])):
    with open(os.path.join(out, f"f{s:04d}.py"), "w") as f:
        f.write(gen(s))
