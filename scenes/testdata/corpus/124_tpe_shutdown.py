# shutdown(wait=True) blocks until queued jobs finish; afterwards the
# executor refuses new work.
import time
from concurrent.futures import ThreadPoolExecutor

start = time.monotonic()


def note(text, seconds):
    time.sleep(seconds)
    print(f"{time.monotonic() - start:.1f} {text}")


ex = ThreadPoolExecutor(max_workers=1)
ex.submit(note, "first note", 0.5)
ex.submit(note, "second note", 0.5)
print(f"{time.monotonic() - start:.1f} shutting down")
ex.shutdown(wait=True)
print(f"{time.monotonic() - start:.1f} shutdown returned")
try:
    ex.submit(note, "too late", 0)
except RuntimeError as e:
    print("RuntimeError:", e)
