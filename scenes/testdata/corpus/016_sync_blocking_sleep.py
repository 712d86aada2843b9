# A plain script that sleeps: time.sleep blocks, time moves on.
import time

start = time.perf_counter()
for chore in ["dishes", "laundry", "plants"]:
    time.sleep(0.5)
    print(f"{time.perf_counter() - start:.1f}s done with {chore}")
elapsed = time.monotonic() - start
print(f"all chores done in {elapsed:.1f}s")
