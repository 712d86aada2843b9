# The lower-level loop API that asyncio's docs show: new_event_loop,
# set_event_loop, run_until_complete, run_forever, stop, close.
import asyncio


def hello_world(loop):
    print("Hello World, running:", loop.is_running())
    loop.stop()


async def compute(x):
    await asyncio.sleep(1)
    return x * 2


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("the current loop:", asyncio.get_event_loop() is loop)
print("running:", loop.is_running(), "closed:", loop.is_closed())

loop.call_soon(hello_world, loop)
loop.run_forever()
print("after run_forever at", loop.time())

print("result:", loop.run_until_complete(compute(21)), "at", loop.time())
task = loop.create_task(compute(5))
print("task result:", loop.run_until_complete(task), "at", loop.time())

ticks = []


def tick(n):
    ticks.append(n)
    if n < 3:
        loop.call_later(0.5, tick, n + 1)
    else:
        loop.stop()


loop.call_soon(tick, 0)
loop.run_forever()
print("ticks:", ticks, "at", loop.time())

fut = loop.create_future()
loop.call_later(2, fut.set_result, "late")
print(loop.run_until_complete(fut), "at", loop.time())

loop.close()
print("closed:", loop.is_closed())
loop.close()
never = compute(1)
try:
    loop.run_until_complete(never)
except RuntimeError as e:
    print("RuntimeError:", e)
never.close()  # never run: closing it keeps CPython from warning that it was never awaited
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)

other = asyncio.new_event_loop()
print("a new loop is another:", other is not loop, other.is_closed())
other.close()
