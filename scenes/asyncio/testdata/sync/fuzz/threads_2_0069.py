import asyncio
import time
import concurrent.futures as cf


def job(name, d, fail=False):
    time.sleep(d)
    if fail:
        raise ValueError(name)
    print(f'{time.monotonic():.2f} job {name} done')
    return name


def cb(f):
    print(f'{time.monotonic():.2f} cb', f.exception() is None)


ex = cf.ThreadPoolExecutor(None)
fs = []
fs.append(ex.submit(job, 'j0', 0.5, False))
fs.append(ex.submit(job, 'j1', 0.1, True))
fs[-1].add_done_callback(cb)
fs.append(ex.submit(job, 'j2', 1.5, False))
time.sleep(0.3)
fs.append(ex.submit(job, 'j3', 0.1, False))
time.sleep(0.1)
fs.append(ex.submit(job, 'j4', 0.1, False))
time.sleep(0)
fs.append(ex.submit(job, 'j5', 1.5, False))
fs[-1].add_done_callback(cb)
try:
    for f in cf.as_completed(fs):
        print(f'{time.monotonic():.2f} completed', f.exception() if not f.cancelled() else 'cancelled')
except Exception as e:
    print(type(e).__name__)
print(f'{time.monotonic():.2f} main end')
