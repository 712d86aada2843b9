# Class patterns on the scene's own classes: positional sub-patterns go
# through __match_args__, keyword ones read attributes; patterns nest, and
# a subclass instance matches its base class's pattern.
import asyncio


class Event:
    __match_args__ = ("kind",)

    def __init__(self, kind):
        self.kind = kind


class Click(Event):
    __match_args__ = ("x", "y")

    def __init__(self, x, y, button="left"):
        super().__init__("click")
        self.x, self.y, self.button = x, y, button


class Key(Event):
    __match_args__ = ("key",)

    def __init__(self, key):
        super().__init__("key")
        self.key = key


class Quit(Event):
    def __init__(self):
        super().__init__("quit")


def handle(event):
    match event:
        case Click(0, 0):
            return "click at the origin"
        case Click(x, y, button="right"):
            return f"context menu at {x},{y}"
        case Click(x=x) if x > 100:
            return f"click far right ({x})"
        case Click():
            return "plain click"
        case Key("q" | "Q") | Quit():
            return "quit"
        case Key(key=str(k)) if len(k) == 1:
            return f"typed {k!r}"
        case Event(kind):
            return f"other event {kind}"
        case [Event() as a, Event() as b]:
            return f"two events: {handle(a)} / {handle(b)}"
        case {"event": Event(kind="key") as e}:
            return f"wrapped key {e.key}"
    return "not an event"


for ev in [Click(0, 0), Click(5, 6, button="right"), Click(150, 1), Click(2, 3),
           Key("q"), Quit(), Key("a"), Key("Enter"), Event("scroll"),
           [Key("x"), Click(0, 0)], {"event": Key("z")}, 42]:
    print(handle(ev))

try:
    match Quit():
        case Quit(1):
            pass
except TypeError as e:
    print("TypeError:", e)


async def source(queue):
    for ev in [Key("h"), Click(1, 2), Quit()]:
        await asyncio.sleep(0.2)
        await queue.put(ev)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    queue = asyncio.Queue()
    producer = asyncio.create_task(source(queue))
    while True:
        match await queue.get():
            case Quit():
                print(f"{loop.time() - t0:.1f} quitting")
                break
            case ev:
                print(f"{loop.time() - t0:.1f} {handle(ev)}")
    await producer


asyncio.run(main())
