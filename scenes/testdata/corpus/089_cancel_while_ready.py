# A task whose sleep has already finished (it is queued to resume) can still
# be cancelled: the CancelledError replaces the normal wake-up.
import asyncio


async def napper():
    try:
        await asyncio.sleep(1)
        print("napper woke normally")
    except asyncio.CancelledError:
        print("napper: cancelled although the nap was over")
        raise


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(napper())
    await asyncio.sleep(0)

    def cancel_it():
        print("timer: cancelling the napper")
        task.cancel()

    # Armed after napper's timer, due at the same instant: it runs right
    # after the timer that woke napper, before napper's step.
    loop.call_later(1, cancel_it)
    try:
        await task
    except asyncio.CancelledError:
        print("main: napper cancelled:", task.cancelled())


asyncio.run(main())
