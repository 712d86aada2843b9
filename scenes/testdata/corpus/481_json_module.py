# json: dumps and loads as CPython writes and reads them, inside tasks.
import asyncio
import json


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


async def fetch(i):
    await asyncio.sleep(0.1 * i)
    return json.dumps({"id": i, "name": f"item-{i}", "tags": ["a", "b"][:i], "price": i * 1.5, "ok": i % 2 == 0, "none": None})


async def main():
    bodies = await asyncio.gather(*(fetch(i) for i in range(3)))
    for b in bodies:
        print(b)
        data = json.loads(b)
        print(data["name"], data["price"], data["ok"], type(data["tags"]).__name__)
    doc = {"b": [1, 2.0, {"c": "ünï", "d": "\n\t\"q\""}], "a": (), 3: 4, 1.5: True, None: False, "e": {}}
    print(json.dumps(doc))
    print(json.dumps(doc, indent=2))
    print(json.dumps(doc, indent="\t", ensure_ascii=False))
    print(json.dumps({"z": 1, "a": 2, "m": [3]}, sort_keys=True, separators=(",", ":")))
    print(json.dumps("emoji 😀 and \x7f \x01"))
    print(json.dumps([float("nan"), float("inf"), -float("inf"), 1e20, 1e16, 0.1, 10**30]))
    show("allow_nan", lambda: json.dumps(float("nan"), allow_nan=False))
    show("set", lambda: json.dumps({1, 2}))
    show("default", lambda: json.dumps({1, 2}, default=sorted))
    show("key", lambda: json.dumps({(1, 2): 3}))
    show("skipkeys", lambda: json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
    loop = []
    loop.append(loop)
    show("circular", lambda: json.dumps(loop))
    show("loads", lambda: json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\ud83d\\ude00"], "big": 123456789012345678901234567890}'))
    show("empty", lambda: json.loads(""))
    show("bad", lambda: json.loads('{"a": 1,}'))
    show("bad2", lambda: json.loads('[1, 2'))
    show("bad3", lambda: json.loads('{"a" 1}'))
    show("bad4", lambda: json.loads("{'a': 1}"))
    show("extra", lambda: json.loads('1 2'))
    show("line", lambda: json.loads('{\n  "a": 1,\n  "b": nope\n}'))
    show("escape", lambda: json.loads('"\\q"'))
    show("unterminated", lambda: json.loads('"abc'))
    show("type", lambda: json.loads(5))
    try:
        json.loads("[1,")
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))


asyncio.run(main())
