# A coroutine spinning on asyncio.sleep(0) until a worker sets a flag: each
# select(0) of the loop lets the runnable worker go first.
import asyncio
import time

state = {"ready": False}


def worker():
    time.sleep(0)
    state["ready"] = True
    print("worker set the flag")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, worker)
    spins = 0
    while not state["ready"]:
        spins += 1
        await asyncio.sleep(0)
    print("spins:", spins, "| time:", loop.time())
    await fut


asyncio.run(main())
