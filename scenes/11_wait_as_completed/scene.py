import asyncio
import time

START = time.monotonic()
PRICES = {"air": (2.0, 310), "bus": (0.6, 95), "rail": (1.4, 140), "boat": (3.0, 120)}


def now():
    return f"{time.monotonic() - START:.1f}s"


async def quote(company):
    seconds, price = PRICES[company]
    await asyncio.sleep(seconds)  # each company answers at its own pace
    return company, price


async def main():
    # as_completed: handle each answer as soon as it arrives.
    for next_done in asyncio.as_completed([quote(c) for c in PRICES]):
        company, price = await next_done
        print(f"{now()}  as_completed: {company} quotes {price}")

    # wait(FIRST_COMPLETED): take the first answer, then decide about the rest.
    tasks = [asyncio.create_task(quote(c), name=c) for c in PRICES]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    first = done.pop().result()
    print(f"{now()}  wait: first answer {first}; still pending: {sorted([t.get_name() for t in pending])}")

    # wait(timeout=...): give the rest one more second, then stop waiting.
    done, pending = await asyncio.wait(pending, timeout=1)
    got = sorted([t.result()[0] for t in done])
    print(f"{now()}  wait: after 1 more second done {got}, pending {sorted([t.get_name() for t in pending])}")
    for t in pending:
        t.cancel()  # wait() never cancels anything by itself
    await asyncio.gather(*pending, return_exceptions=True)
    print(f"{now()}  the slow ones were cancelled")


asyncio.run(main())
