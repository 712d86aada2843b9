# Valid Python that scenes may use: every chunk must parse and resolve
# without error (TestErrors). Collected while diffing against CPython 3.11.
x = lambda *a, **k: (a, k)
---
print(*[1,2], sep="-", end="")
---
a = b = c = 1
---
x, = [1]
---
y = [x for x in range(3) if x if x > 0]
---
f(*a, *b, **c, **d)
---
f(a, *b, c=1, **d)
---
f(x=1, *a)
---
d = {**a, 'x': 1, **b}
---
t = (*a, *b)
---
x = 1 if a else 2 if b else 3
---
y = not a == b
---
z = a if b else lambda: c
---
g = lambda: (yield)
---
x = [*range(3)]
---
async def f():
    return [i async for i in g() if await h(i)]
---
async def f(): await asyncio.sleep(1); return await x
---
def f(): return (yield)
---
@app.get("/x")
@app.post("/y")
async def f(): pass
---
s = f"{x!r:>{width}.{prec}f}"
---
s = f"{'a' if x else 'b'}"
---
s = f"{x:{'>' if y else '<'}10}"
---
s = f"{{{x}}}"
---
s = f"{x}" f"{y}" "z"
---
b = rb"\x00" + Rb'' + BR"" + bR""
s = U"x" + u'y' + R"\d" + F"{1}" + fR"{2}\n" + Rf"{3}"
---
print("a" "b"
      "c")
---
x = (
    1,
    2,
)
---
if x:
  pass
elif y:
  pass
else:
  pass
---
try:
 pass
except (A, B):
 pass
except C as e:
 raise
else:
 pass
finally:
 pass
---
with a as (b, c): pass
---
with a as b, c as d: pass
---
for i, in x: pass
---
for (a, b) in x: pass
---
for [a, b] in x: pass
---
del a, (b, c), [d]
---
del (a)
---
y = x[...], x[:], x[::2], x[a:b:], x[-1], x[1:], x[:2]
---
assert x, (1, 2)
---
raise E from None
---
def f():
    global a, b
    a = b = 1
---
r = 1 < 2 < 3 == 3 != 4 in [4] not in [] is not None
---
r = -1 ** 2, 2 ** -1, ~x, +x, not not x
---
c = a @ b
c @= b
---
x = *a, *b
---
def f(): return *a, b
---
def f(): yield *a, b
---
for x in *a, *b: pass
---
if (a):
 pass
---
while (1): break
---
x = 1; y = 2;
---
x: int
---
x: "str" = "a"
---
def f(a, /, b, *, c, **d): pass
---
def f(*, a=1): pass
---
def f(a, b=1, *args, c, d=2, **kwargs) -> "x": pass
---
g = lambda a, /, b, *, c: 0
---
g = lambda *, a: a
---
n = 0_0, 00, 0.0_1, 1_0.5e1_0, 0XFF, 0B1, 0O7, 1E5, 1e-5, 1_000_000, 0x_f, 5.
---
x = 1 + \
    2
---
# only a comment
---

---
x = 1
---
if x: pass
else: pass
---
시간 = 1
print(시간, "☕ 커피", '🍣')
---
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 1
        def innermost():
            nonlocal n
            return n
        return innermost
    return inner
---
@app.get(
    "/items/{item_id}",
)
def read(item_id: int, q: str = None):
    return {"item_id": item_id}
---
async def f():
    async with a as b, c:
        pass
---
async def f():
    async for x in y:
        pass
    else:
        pass
---
match = case = _ = type = 1
print(match, case, _, type)
---
print(not x)
f(a for a in b)
f((a for a in b), c)
---
x = [i for i in range(3)][0]
---
x = {}; y = {1}; z = {1: 2,}; w = [1,]; v = (1,)
---
if not x in y: pass
---
print(f"{x!r}", f"{x=!r:>10}", f"{3.14:.1f}", f"{x:%Y-%m-%d}", f"{'{'}")
---
print(f"{d['key']}", f'{d["key"]}', f"{x:{y}}", f"{(lambda: 1)()}", f"{x:}", f"{x!r:}", f"{ x }", f"{x = }")
---
s = f"""{
x
}"""
---
s = f"{x:{y!r}}"
---
s = """a
b""" + "c"
---
if True:
	x = 1
	if x:
		y = 2
---
def f(
    a,
    b,
):
    return a
---
x = [
    1,  # one
    2,  # two
]
---
print("done") # trailing
---
while x:
    pass
else:
    pass
---
async def main():
    result = await asyncio.wait_for(asyncio.shield(t), timeout=1.5)
    done, pending = await asyncio.wait({t1, t2}, return_when=asyncio.FIRST_COMPLETED)
---
x = a.b.c.d(1)(2)[3].e
---
x = a if b else (c if d else e)
---
x = 'it''s'
---
y = x.real if isinstance(x, int) else 0
---
def f(a=lambda: 1, *, b=lambda x=1: x): pass
---
try:
    pass
finally:
    pass
---
for x in range(3):
    try:
        continue
    finally:
        break
---
def f():
    return
---
print(((((1)))))
---
x = [1, 2][::-1]
---
x = {'a': [1, {2: (3, {4})}]}
---
x = 10 // 3 % 2 * 4 / 5 - 6 + 7 << 1 >> 2 & 3 ^ 4 | 5
---
x = a or b and c or not d
---
print(1 if x else 2, *xs, sep="")
---
from asyncio import (
    sleep,
    gather,
)
---
import asyncio as aio, time as t
---
x = b'\x00\xff' + b"\n"
---
s = 'a\
b'
---
s = "tab\there" "\u00e9\U0001F600\x41\101\0"
