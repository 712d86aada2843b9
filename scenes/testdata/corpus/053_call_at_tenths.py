# Timers at tenths of a second, scheduled out of order.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    done = loop.create_future()
    marks = [0.7, 0.1, 0.5, 0.3, 0.2, 0.6, 0.4]
    seen = []

    def mark(m):
        seen.append(m)
        print(f"mark {m} at {loop.time() - start:.1f}")
        if len(seen) == len(marks):
            done.set_result(seen)

    for m in marks:
        loop.call_at(start + m, mark, m)
    order = await done
    print("in order:", order == sorted(marks))


asyncio.run(main())
