# Awaiting a future that is already done does not suspend: the coroutine
# continues at once, and other ready tasks do not get a turn.
import asyncio


async def other(log):
    log.append("other task runs")


async def main():
    loop = asyncio.get_running_loop()
    log = []
    done = loop.create_future()
    done.set_result("instant")
    asyncio.create_task(other(log))
    value = await done
    log.append(f"main got {value!r} without yielding")
    await asyncio.sleep(0)
    log.append("main after a real yield")
    print("\n".join(log))


asyncio.run(main())
