# No asyncio: a ThreadPoolExecutor runs functions in worker threads and
# hands back concurrent.futures.Future objects.
import time
import concurrent.futures

start = time.monotonic()


def bake(item, minutes):
    time.sleep(minutes)
    return f"{item} baked"


pool = concurrent.futures.ThreadPoolExecutor(max_workers=3)
bread = pool.submit(bake, "bread", 2)
cake = pool.submit(bake, "cake", 1)
print("submitted; bread done?", bread.done())
baked = cake.result()
print(f"{time.monotonic() - start:.1f}", baked)
print("bread done yet?", bread.done())
baked = bread.result()
print(f"{time.monotonic() - start:.1f}", baked)
print("bread done now?", bread.done())
pool.shutdown(wait=True)
print(f"{time.monotonic() - start:.1f} oven closed")
