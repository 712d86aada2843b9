# remove_done_callback takes back a callback before the future completes;
# it returns how many registrations it removed.
import asyncio


def shout(fut):
    print("shout:", fut.result().upper())


def whisper(fut):
    print("whisper:", fut.result().lower())


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(shout)
    fut.add_done_callback(whisper)
    fut.add_done_callback(shout)
    print("removed shout:", fut.remove_done_callback(shout))
    print("removed it again:", fut.remove_done_callback(shout))
    loop.call_later(0.25, fut.set_result, "Good Night")
    await fut
    await asyncio.sleep(0)
    print("done")


asyncio.run(main())
