# The style of older tutorials: get_event_loop() at module level, then
# run_until_complete on a gather, ensure_future and Future() made outside
# any coroutine (they take the current loop), shield, run_forever until a
# task stops the loop.
import asyncio
import time


async def say(what, when):
    await asyncio.sleep(when)
    print(what, time.monotonic())
    return what


async def stopper(loop):
    await asyncio.sleep(3)
    loop.stop()


def plain():
    return "not a coroutine function"


loop = asyncio.get_event_loop()
print(asyncio.iscoroutinefunction(say), asyncio.iscoroutinefunction(plain))
print(loop.run_until_complete(say("hello", 1)))
group = asyncio.gather(say("a", 1), say("b", 2))
print(loop.run_until_complete(group))
empty = asyncio.gather()
print(loop.run_until_complete(empty))
task = asyncio.ensure_future(say("ensured", 0.5))
print(task.get_name(), task.get_loop() is loop)
fut = asyncio.Future()
loop.call_later(1, fut.set_result, 7)
shielded = asyncio.shield(say("shielded", 2))
loop.create_task(stopper(loop))
try:
    loop.run_forever()
finally:
    print("finally", task.result(), fut.result(), shielded.result())
    loop.close()
print(loop.is_closed(), asyncio.get_event_loop() is loop)
