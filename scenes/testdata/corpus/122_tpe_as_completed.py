# concurrent.futures.as_completed yields futures as they finish.
import time
import concurrent.futures

start = time.monotonic()


def ping(host, ms):
    time.sleep(ms / 1000)
    return host, ms


hosts = {"tokyo": 900, "paris": 300, "lima": 1500, "oslo": 600}
with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
    futures = [ex.submit(ping, h, ms) for h, ms in hosts.items()]
    for fut in concurrent.futures.as_completed(futures):
        host, ms = fut.result()
        print(f"{time.monotonic() - start:.1f} {host:<6} answered in {ms} ms")
