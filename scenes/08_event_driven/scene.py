import asyncio
import time

START = time.monotonic()
handlers = {}  # event name -> the functions that want to hear about it
clicks = []


def now():
    return f"{time.monotonic() - START:.1f}s"


def on(name, handler):
    if name not in handlers:
        handlers[name] = []
    handlers[name].append(handler)


def dispatch(name, data):
    if name not in handlers:
        print(f"{now()}  {name}: nobody listens")
        return
    for handler in handlers[name]:
        handler(data)


def log_click(data):
    print(f"{now()}  click on {data}")


def count_click(data):
    clicks.append(data)
    print(f"{now()}  {len(clicks)} click(s) so far")


async def event_source():
    # (gap before the event, event name, data): the outside world, scripted.
    script = [(0.5, "click", "buy"), (0.7, "key", "Enter"), (0.8, "resize", "800x600"),
              (0.6, "click", "cart"), (0.4, "open", "front door")]
    for gap, name, data in script:
        await asyncio.sleep(gap)
        dispatch(name, data)


async def guest(name, door):
    print(f"{now()}  {name} waits for the door")
    await door.wait()
    print(f"{now()}  {name} goes in")


async def main():
    on("click", log_click)
    on("click", count_click)
    on("key", lambda key: print(f"{now()}  key {key} pressed"))
    door = asyncio.Event()
    on("open", lambda where: print(f"{now()}  the {where} opens"))
    on("open", lambda where: door.set())  # one set() wakes every waiter
    guests = [asyncio.create_task(guest(n, door)) for n in ["Ana", "Bo", "Cy"]]
    await event_source()
    await asyncio.gather(*guests)
    print(f"{now()}  door open? {door.is_set()}")


asyncio.run(main())
