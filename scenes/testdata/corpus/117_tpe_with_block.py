# Leaving a `with ThreadPoolExecutor()` block waits for every job
# (shutdown(wait=True)).
import time
import concurrent.futures

start = time.monotonic()
results = []


def chore(name, seconds):
    time.sleep(seconds)
    results.append(name)
    print(f"{time.monotonic() - start:.1f} finished {name}")


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
    ex.submit(chore, "vacuum", 1.5)
    ex.submit(chore, "dust", 0.5)
    ex.submit(chore, "mop", 0.5)
    print(f"{time.monotonic() - start:.1f} all chores handed out")
print(f"{time.monotonic() - start:.1f} left the with-block: {results}")
