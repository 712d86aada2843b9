# match in a coroutine: a command dispatcher (literal, capture, wildcard,
# or, as, guards, sequence and mapping patterns, dotted value patterns),
# and a builtin class pattern, on results that tasks produce over time.
import asyncio


class Status:
    OK = 200
    NOT_FOUND = 404


async def handle(cmd):
    await asyncio.sleep(0.1)
    match cmd.split():
        case ["ping"]:
            return "pong"
        case ["echo", *words] if words:
            return " ".join(words)
        case ["add", a, b]:
            return int(a) + int(b)
        case ["go", ("north" | "south") as direction]:
            return f"going {direction}"
        case [verb, *_]:
            return f"unknown command {verb!r}"
        case _:
            return "empty"


async def respond(reply):
    await asyncio.sleep(0.05)
    match reply:
        case {"status": Status.OK, "body": body}:
            return f"ok: {body}"
        case {"status": Status.NOT_FOUND}:
            return "not found"
        case {"status": int(code), **rest} if code >= 500:
            return f"server error {code} {rest}"
        case int(n) | float(n):
            return f"number {n}"
        case str() as text:
            return f"text {text!r}"
    return "unknown reply"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    commands = ["ping", "echo hello world", "add 2 3", "go north", "go up", "fly", ""]
    results = await asyncio.gather(*(handle(c) for c in commands))
    for cmd, result in zip(commands, results):
        print(f"{loop.time() - t0:.2f} {cmd!r} -> {result!r}")
    replies = [{"status": 200, "body": "hi"}, {"status": 404}, {"status": 503, "retry": 5}, 7, 2.5, "raw", None]
    for reply in replies:
        print(f"{loop.time() - t0:.2f}", await respond(reply))
    match await handle("ping"), loop.time() - t0 > 0:
        case ("pong", True):
            print(f"{loop.time() - t0:.2f} tuple subject matched")


asyncio.run(main())
