# A coroutine polling a flag that a worker thread sets: each short
# asyncio.sleep lets the loop (and the worker) move on.
import asyncio
import time


def worker(state):
    time.sleep(0.5)
    state["ready"] = True


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    state = {"ready": False}
    fut = loop.run_in_executor(None, worker, state)
    polls = 0
    while not state["ready"]:
        polls += 1
        await asyncio.sleep(0.2)
    await fut
    print(f"{loop.time() - t0:.1f} worker finished; polled {polls} times")


asyncio.run(main())
