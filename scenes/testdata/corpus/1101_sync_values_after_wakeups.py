# What each primitive reports right after every change, above all the
# moments between a wake-up and the woken task's first step: a released
# Semaphore has already handed its unit to the waiter (_value stays 0), a
# released Lock is unlocked until its waiter runs, a put wakes a getter but
# the item stays in the queue until the getter runs. Each line ends with
# "#state" and the values, in the order the primitives were created.
import asyncio

sem = bsem = lock = ev = cond = q = barrier = None


def show(what):
    print(
        f"{what:<34} #state Semaphore={sem._value} BoundedSemaphore={bsem._value}"
        f" Lock={int(lock.locked())} Event={int(ev.is_set())}"
        f" Lock={int(cond.locked())} Condition={int(cond.locked())}"
        f" Queue={q.qsize()} Barrier={barrier.n_waiting}"
    )


async def hold(name, s, seconds):
    async with s:
        show(f"{name} holds")
        await asyncio.sleep(seconds)
    show(f"{name} released")


async def semaphores():
    a = asyncio.create_task(hold("a", sem, 1))
    b = asyncio.create_task(hold("b", sem, 2))
    c = asyncio.create_task(hold("c", sem, 1))
    d = asyncio.create_task(hold("d", sem, 1))
    await asyncio.sleep(0.5)
    show("c and d wait")
    await asyncio.sleep(0.5)
    # At 1.0 a released: c was handed the unit; cancel c before it runs.
    c.cancel()
    show("c cancelled after its wake-up")
    await asyncio.gather(a, b, d, return_exceptions=True)
    show("semaphore idle")
    await bsem.acquire()
    show("bounded acquired")
    bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        show(f"bounded: {e}"[:34])


async def locks():
    async def taker():
        async with lock:
            show("taker holds the lock")

    await lock.acquire()
    t = asyncio.create_task(taker())
    await asyncio.sleep(0)
    show("taker waits")
    lock.release()
    show("released, taker not yet run")
    await t
    show("taker done")


async def events():
    async def waiter():
        await ev.wait()
        show("waiter saw the event")

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    show("event set")
    await t
    ev.clear()
    show("event cleared")


async def conditions():
    async def waiter():
        async with cond:
            show("cond waiter holds")
            await cond.wait()
            show("cond waiter notified")

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    show("cond waiter waits")
    async with cond:
        cond.notify()
        show("notified, lock held")
    show("notifier left")
    await t
    show("cond idle")


async def queues():
    async def getter():
        item = await q.get()
        show(f"getter got {item}")

    t = asyncio.create_task(getter())
    await asyncio.sleep(0)
    q.put_nowait(1)
    show("put wakes the getter")
    await t
    await q.put(2)
    await q.put(3)

    async def putter():
        await q.put(4)
        show("putter put 4")

    p = asyncio.create_task(putter())
    await asyncio.sleep(0)
    show("putter waits, queue full")
    q.get_nowait()
    show("get wakes the putter")
    await p
    show("queue after the putter")


async def barriers():
    async def party(name):
        await barrier.wait()
        show(f"{name} passed")

    ts = [asyncio.create_task(party(n)) for n in "xy"]
    await asyncio.sleep(0)
    show("two wait at the barrier")
    ts.append(asyncio.create_task(party("z")))
    await asyncio.gather(*ts)
    show("barrier idle")


async def main():
    global sem, bsem, lock, ev, cond, q, barrier
    sem = asyncio.Semaphore(2)
    bsem = asyncio.BoundedSemaphore(1)
    lock = asyncio.Lock()
    ev = asyncio.Event()
    cond = asyncio.Condition()
    q = asyncio.Queue(maxsize=2)
    barrier = asyncio.Barrier(3)
    show("created")
    await semaphores()
    await locks()
    await events()
    await conditions()
    await queues()
    await barriers()


asyncio.run(main())
