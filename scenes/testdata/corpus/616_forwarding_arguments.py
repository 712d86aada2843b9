# Wrappers that forward whatever they get: *args and **kwargs collected and
# passed on, keyword-only options of the wrapper itself, and callbacks
# scheduled with their arguments.
import asyncio

attempts = {}


async def flaky(name, *, fail_times=0, delay=0.1):
    attempts[name] = attempts.get(name, 0) + 1
    await asyncio.sleep(delay)
    if attempts[name] <= fail_times:
        raise ConnectionError(f"{name}: attempt {attempts[name]} failed")
    return f"{name} ok after {attempts[name]} attempt(s)"


async def retry(func, *args, retries=3, backoff=0.5, **kwargs):
    for attempt in range(1, retries + 1):
        try:
            return await func(*args, **kwargs)
        except ConnectionError as e:
            print(f"  {e}; retrying in {backoff * attempt}")
            await asyncio.sleep(backoff * attempt)
    raise RuntimeError(f"gave up after {retries} attempts")


def log(*parts, sep=" ", **context):
    extra = "".join(f" [{k}={v}]" for k, v in sorted(context.items()))
    print(sep.join(str(p) for p in parts) + extra)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await retry(flaky, "a"))
    print(await retry(flaky, "b", fail_times=2, retries=3, backoff=0.1))
    try:
        await retry(flaky, "c", fail_times=5, retries=2, delay=0.05)
    except RuntimeError as e:
        print(f"{loop.time() - t0:.2f}", e)
    loop.call_soon(log, "soon", 1, 2)
    loop.call_later(0.1, log, *["later", 3], **{})
    await asyncio.sleep(0.2)
    opts = {"level": "info", "user": "ann"}
    log("login", *("at", f"{loop.time() - t0:.2f}"), **opts)
    try:
        await retry(flaky, "d", retires=2)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
