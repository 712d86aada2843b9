import asyncio
import concurrent.futures
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


def square_slowly(n, seconds):
    time.sleep(seconds)  # runs in a worker thread, not in main
    return n * n


def with_threads():
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        a = pool.submit(square_slowly, 7, 1)
        b = pool.submit(square_slowly, 9, 2)
        a.add_done_callback(lambda f: print(f"{now()}  [worker] a finished: {f.result()}"))
        print(f"{now()}  submitted a and b; done? {a.done()} {b.done()}")
        time.sleep(1.5)
        print(f"{now()}  done? {a.done()} {b.done()}; b.result() waits for b")
        value = b.result()
        print(f"{now()}  b.result() returned {value}")


async def main():
    loop = asyncio.get_running_loop()

    parcel = loop.create_future()
    parcel.add_done_callback(lambda f: print(f"{now()}  callback: parcel holds {f.result()!r}"))
    loop.call_later(1, parcel.set_result, "books")  # a timer will fill it
    print(f"{now()}  parcel done? {parcel.done()}; main awaits it")
    got = await parcel
    print(f"{now()}  await gave {got!r}; done? {parcel.done()}, result() {parcel.result()!r}")

    answer = loop.create_future()

    async def thinker():
        await asyncio.sleep(0.5)
        print(f"{now()}  thinker sets the answer")
        answer.set_result(42)

    helper = asyncio.create_task(thinker())  # another task will fill this one
    value = await answer
    print(f"{now()}  the answer is {value}")
    await helper


with_threads()
asyncio.run(main())
