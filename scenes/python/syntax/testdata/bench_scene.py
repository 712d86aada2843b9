# A restaurant kitchen, simulated with asyncio: orders arrive, cooks take
# them from a queue, some dishes need the oven (a lock), some wait on a
# supplier (a future), and a manager watches the clock.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

MENU = {
    "soup": 1.5,
    "salad": 0.5,
    "steak": 3.0,
    "pie": 2.25,
    "bread": 0.75,
}
OVEN_DISHES = {"steak", "pie", "bread"}
ORDERS = [
    (0.0, "table 1", ["soup", "steak"]),
    (0.5, "table 2", ["salad"]),
    (1.0, "table 3", ["pie", "bread", "soup"]),
    (1.25, "table 4", ["steak", "steak"]),
    (2.0, "table 5", ["salad", "bread"]),
]


def stamp(loop, start):
    """Seconds since the kitchen opened, as a short string."""
    return f"{loop.time() - start:5.2f}s"


def bill(dishes, tip=0.1, *, currency="EUR"):
    subtotal = sum(MENU[d] * 4 for d in dishes)
    total = round(subtotal * (1 + tip), 2)
    return f"{total:.2f} {currency}"


class_like = {"name": "not a class", "items": [1, 2, 3]}


async def supplier(fut, item, delay):
    await asyncio.sleep(delay)
    if item == "truffle":
        fut.set_exception(ValueError(f"no {item!r} today"))
    else:
        fut.set_result(f"{item} x{int(delay * 10)}")


async def cook(name, queue, oven, log, start):
    loop = asyncio.get_running_loop()
    served = 0
    while True:
        table, dish = await queue.get()
        try:
            cost = MENU.get(dish, 1.0)
            if dish in OVEN_DISHES:
                async with oven:
                    log.append((stamp(loop, start), name, "oven", dish))
                    await asyncio.sleep(cost)
            else:
                await asyncio.sleep(cost / 2)
            served += 1
            log.append((stamp(loop, start), name, "served", f"{dish} to {table}"))
        except asyncio.CancelledError:
            log.append((stamp(loop, start), name, "cancelled", dish))
            raise
        finally:
            queue.task_done()
        if served >= 4 and not queue.qsize():
            break
    return served


async def waiter(queue, start):
    loop = asyncio.get_running_loop()
    for at, table, dishes in ORDERS:
        delay = at - (loop.time() - start)
        if delay > 0:
            await asyncio.sleep(delay)
        for dish in dishes:
            await queue.put((table, dish))
        print(f"[{stamp(loop, start)}] {table} ordered {', '.join(dishes)} ({bill(dishes)})")


def count_cutlery(n):
    time.sleep(0.01 * n)
    return n * 3


async def manager(start, deadline):
    loop = asyncio.get_running_loop()
    ticks = 0
    try:
        while True:
            await asyncio.sleep(1)
            ticks += 1
            if loop.time() - start > deadline:
                print(f"[{stamp(loop, start)}] manager: closing time after {ticks} ticks")
                return ticks
    except asyncio.CancelledError:
        print(f"[{stamp(loop, start)}] manager sent home")
        raise


def describe(dish, *extras, sep=" + ", **notes):
    """Describe a dish with its extras and kitchen notes."""
    parts = [dish, *extras]
    text = sep.join(p.title() for p in parts if p)
    if notes:
        text += " (" + "; ".join(f"{k}: {v}" for k, v in notes.items()) + ")"
    elif not extras:
        text += " (plain)"
    return text


print(describe("soup"), describe("steak", "fries", "salad", doneness="rare"))


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue = asyncio.Queue(maxsize=8)
    oven = asyncio.Lock()
    log = []

    fut_flour = loop.create_future()
    fut_truffle = loop.create_future()
    suppliers = [
        asyncio.create_task(supplier(fut_flour, "flour", 0.4), name="flour"),
        asyncio.create_task(supplier(fut_truffle, "truffle", 0.6), name="truffle"),
    ]
    print("flour:", await fut_flour)
    try:
        await fut_truffle
    except ValueError as exc:
        print("truffle:", exc)
    await asyncio.gather(*suppliers, return_exceptions=True)

    cooks = [
        asyncio.create_task(cook(f"cook-{i}", queue, oven, log, start))
        for i in range(3)
    ]
    boss = asyncio.create_task(manager(start, deadline=30))
    await waiter(queue, start)
    await queue.join()

    with ThreadPoolExecutor(max_workers=2) as pool:
        forks = await loop.run_in_executor(pool, count_cutlery, 4)
        knives = await asyncio.to_thread(count_cutlery, 2)
    print(f"cutlery: {forks=} {knives=}")

    done, pending = await asyncio.wait(cooks, timeout=5)
    for task in pending:
        task.cancel()
    results = await asyncio.gather(*pending, return_exceptions=True)
    served = sorted(t.result() for t in done)
    print("served per cook:", served, "cancelled:", len(results))

    boss.cancel()
    try:
        await boss
    except asyncio.CancelledError:
        pass

    by_cook = {}
    for when, who, what, detail in log:
        by_cook.setdefault(who, []).append(what)
    for who in sorted(by_cook):
        events = by_cook[who]
        counts = {kind: events.count(kind) for kind in set(events)}
        summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        print(f"{who:>8}: {summary}")

    busiest = max(by_cook, key=lambda name: len(by_cook[name])) if by_cook else None
    print("busiest:", busiest)
    oven_uses = [entry for entry in log if entry[2] == "oven"]
    first, *rest = oven_uses or [(None,)]
    print("first oven use:", first[0], "then", len(rest), "more")
    total = 0
    for i, (when, who, what, detail) in enumerate(log):
        if what != "served":
            continue
        total += 1
        if i % 3 == 0 and total < 100:
            print(f"  {when} {who:<7} {detail}")
    else:
        print("log done")
    assert total == sum(len(d) for _, _, d in ORDERS), "every dish served"
    tail = log[-3:]
    print("last three:", [w for w, *_ in tail])
    flags = 0b1010 | 0x0F & ~0o7
    print("flags", flags, flags >> 1, flags << 2, -flags // 3, flags % 7, 2 ** 10)
    word = "kitchen"
    print(word[::-1], word[1:4], word.upper(), word.center(11, "*"))
    nested = [[r * c for c in range(3)] for r in range(3)]
    print(nested, len(nested) == 3 and all(len(row) == 3 for row in nested))
    lookup = {k: v for k, v in zip("abc", range(3)) if v}
    print(lookup, "b" in lookup, "z" not in lookup, None is None)
    return total


if __name__ == "__main__":
    t0 = time.perf_counter()
    n = asyncio.run(main())
    print("dishes:", n)
