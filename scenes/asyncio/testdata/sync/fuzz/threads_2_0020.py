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


ex = cf.ThreadPoolExecutor(2)
fs = []
fs.append(ex.submit(job, 'j0', 0.1, False))
time.sleep(0.1)
fs.append(ex.submit(job, 'j1', 0, False))
time.sleep(0)
fs.append(ex.submit(job, 'j2', 0.25, False))
fs.append(ex.submit(job, 'j3', 0.1, False))
fs[-1].add_done_callback(cb)
fs.append(ex.submit(job, 'j4', 0.1, False))
print('cancel', fs[-1].cancel())
try:
    for r in ex.map(job, ['m1', 'm2', 'm3'], [0.3, 0.1, 0.2]):
        print(f'{time.monotonic():.2f} map', r)
except Exception as e:
    print(type(e).__name__)
print(f'{time.monotonic():.2f} main end')
