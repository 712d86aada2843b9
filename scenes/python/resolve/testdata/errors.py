# Chunked error tests for the parser and the resolver.
x = 1
---
def f():
    await g() ### "'await' outside async function"
---
await g() ### "'await' outside function"
---
async with x: ### "'async with' outside async function"
    pass
---
def f():
    async for x in y: ### "'async for' outside async function"
        pass
---
def f():
    return [await x for x in y] ### "asynchronous comprehension outside of an asynchronous function"
---
async def f():
    return [await x for x in y]
---
def f():
    return (await x for x in y)
---
def f():
    return [x async for x in y] ### "asynchronous comprehension outside of an asynchronous function"
---
async def f():
    lambda: await x ### "'await' outside async function"
---
async def f():
    yield 1
    return 2 ### "'return' with value in async generator"
---
async def f():
    yield 1
    return
---
def f():
    yield 1
    return 2
---
nonlocal x ### "nonlocal declaration not allowed at module level"
---
def f():
    def g():
        nonlocal y ### "no binding for nonlocal 'y' found"
---
def f():
    global x
    def g():
        nonlocal x ### "no binding for nonlocal 'x' found"
---
def f():
    y = 1
    def g():
        def h():
            nonlocal y
            y = 2
---
return 1 ### "'return' outside function"
---
break ### "'break' outside loop"
---
continue ### "'continue' not properly in loop"
---
for x in y:
    def g():
        break ### "'break' outside loop"
---
while True:
    pass
else:
    break ### "'break' outside loop"
---
for x in y:
    try:
        pass
    finally:
        continue
---
def f():
    print(x)
    global x ### "name 'x' is used prior to global declaration"
---
def f():
    x = 1
    global x ### "name 'x' is assigned to before global declaration"
---
def f(x):
    global x ### "name 'x' is parameter and global"
---
def f(x):
    nonlocal x ### "name 'x' is parameter and nonlocal"
---
def f(x, x): ### "duplicate argument 'x' in function definition"
    pass
---
yield 1 ### "'yield' outside function"
---
def f():
    return [(yield) for x in y] ### "'yield' inside list comprehension"
---
import shelve ### "module 'shelve' is not supported in scenes \(supported: .*\)"
---
import os ### "module 'os' is not available in scenes: a playground has no files, processes or environment variables"
---
import asyncio, shelve ### "module 'shelve' is not supported"
---
from os import path ### "module 'os' is not available in scenes"
---
import concurrent ### "import concurrent alone gives nothing to use: import its modules \(import concurrent.futures\)"
---
import concurrent.futures
import concurrent.futures as cf
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor, wait
from fastapi import FastAPI, Depends
from httpx import AsyncClient, ASGITransport
from asyncio import sleep as nap, gather, Queue
from time import perf_counter
x = concurrent.futures.ThreadPoolExecutor
y = cf.as_completed
z = futures.FIRST_COMPLETED
---
from asyncio import create_subprocess_shell ### "asyncio.create_subprocess_shell is not available in scenes: a playground runs one process"
---
import asyncio
asyncio.create_subprocess_shell("ls") ### "asyncio.create_subprocess_shell is not available in scenes: a playground runs one process"
---
import asyncio
def f(asyncio):
    return asyncio.anything
---
import asyncio
asyncio = 3
asyncio.anything
---
import concurrent.futures
concurrent.futures.ProcessPoolExecutor() ### "concurrent.futures.ProcessPoolExecutor is not available in scenes: a playground runs one process: use ThreadPoolExecutor"
---
import concurrent.futures
concurrent.interpreters ### "concurrent.interpreters is not supported in scenes"
---
import time
time.process_time() ### "time.process_time is not supported in scenes"
---
open("f") ### "open\(\) is not available in scenes: a playground has no files"
---
def open(x):
    return x
open("f")
---
def f():
    eval("1") ### "eval\(\) is not available in scenes: scenes run only their own code"
---
class A:
    return 1 ### "'return' outside function"
---
def f():
    class A:
        x = 1
        nonlocal x ### "name 'x' is assigned to before nonlocal declaration"
---
def f():
    class A:
        nonlocal y ### "no binding for nonlocal 'y' found"
        y = 1
---
match x:
    case 1:
        pass
---
match a:
    case x: ### "name capture 'x' makes remaining patterns unreachable"
        pass
    case 1:
        pass
---
match a:
    case _: ### "wildcard makes remaining patterns unreachable"
        pass
    case 1:
        pass
---
match a:
    case [x, x]: ### "multiple assignments to name 'x' in pattern"
        pass
---
match a:
    case [*x, *y]: ### "multiple starred names in sequence pattern"
        pass
---
match a:
    case 1 | x: ### "alternative patterns bind different names"
        pass
---
match a:
    case x | 1: ### "name capture 'x' makes remaining patterns unreachable"
        pass
---
match a:
    case P(x=1, x=2): ### "attribute name repeated in class pattern: x"
        pass
---
match a:
    case {"a": 1, "a": 2}: ### "mapping pattern checks duplicate key \('a'\)"
        pass
---
match a:
    case x if x:
        pass
    case (y):
        pass
---
match a:
    case {"a": 1, **r, "b": 2}: ### "invalid syntax"
        pass
---
match a:
    case x as _: ### "cannot use '_' as a target"
        pass
---
match a:
    case P(x=1, 2): ### "positional patterns follow keyword patterns"
        pass
---
match = 1
match.x = 2
match(a, b)
print(match)
---
if (n := 3) > 2:
    pass
---
def g():
    yield from range(3)
---
async def g():
    yield from range(3) ### "'yield from' inside async function"
---
yield from range(3) ### "'yield' outside function"
---
@functools.cache
def f():
    pass
---
@app.get("/")
def root():
    return {"ok": True}
---
x = 1j ### "complex numbers are not supported in scenes"
---
print "hello" ### "Missing parentheses in call to 'print'. Did you mean print\(...\)\?"
---
if x ### "expected ':'"
    pass
---
def f(:  ### "invalid syntax"
    pass
---
s = "abc ### "unterminated string literal \(detected at line 1\)"
---
x = f"{x" ### "f-string: expecting '}'"
---
x = f"{}" ### "f-string: empty expression not allowed"
---
x = f"a}" ### "f-string: single '}' is not allowed"
---
x = f"{x!z}" ### "f-string: invalid conversion character: expected 's', 'r', or 'a'"
---
x = f"{x:{y:{z}}}" ### "f-string: expressions nested too deeply"
---
a, *b, *c = x ### "multiple starred expressions in assignment"
---
*a = 1 ### "starred assignment target must be in a list or tuple"
---
f(**x, *y) ### "iterable argument unpacking follows keyword argument unpacking"
---
f(a=1, b) ### "positional argument follows keyword argument"
---
f(x=1, x=2) ### "keyword argument repeated: x"
---
f(x for x in y, 1) ### "Generator expression must be parenthesized"
---
foo() = 3 ### "cannot assign to function call here. Maybe you meant '==' instead of '='\?"
---
del f() ### "cannot delete function call"
---
for f() in x: ### "cannot assign to function call"
    pass
---
x = 0777 ### "leading zeros in decimal integer literals are not permitted"
---
x = 1_000_ ### "invalid decimal literal"
---
b = b"é" ### "bytes can only contain ASCII literal characters"
---
x = "a" b"b" ### "cannot mix bytes and nonbytes literals"
---
x = 5 if y ### "expected 'else' after 'if' expression"
---
def f(a=1, b): ### "non-default argument follows default argument"
    pass
---
try:
    pass
x = 1 ### "expected 'except' or 'finally' block"
---
try:
    pass ### "expected 'except' or 'finally' block"
---
f(a b) ### "invalid syntax. Perhaps you forgot a comma\?"
---
x = [1, 2 3] ### "invalid syntax. Perhaps you forgot a comma\?"
---
x = ) ### "unmatched '\)'"
---
x = (1, 2] ### "closing parenthesis '\]' does not match opening parenthesis '\('"
---
def f(x: int, *args: str, y: float = 1.0, **kw: dict) -> str:
    z: int = 3
    w: list
    return str(z)
---
x: int = ### "invalid syntax"
---
with (yield) as x: ### "'yield' outside function"
    pass
---
try:
    pass
except* ValueError:
    pass
---
try:
    pass
except*: ### "expected one or more exception types"
    pass
---
try:
    pass
except ValueError:
    pass
except* TypeError: ### "cannot have both 'except' and 'except\*' on the same 'try'"
    pass
---
for i in x:
    try:
        pass
    except* TypeError:
        break ### "'break', 'continue' and 'return' cannot appear in an except\* block"
---
def f():
    try:
        pass
    except* TypeError:
        return ### "'break', 'continue' and 'return' cannot appear in an except\* block"
---
for i in x:
    try:
        pass
    except* TypeError:
        for j in y:
            break
        def g():
            return 1
        continue ### "'break', 'continue' and 'return' cannot appear in an except\* block"
---
from . import x ### "relative imports are not supported in scenes"
---
from asyncio import * ### "'from asyncio import \*' is not supported in scenes"
---
x = a[1:2, 3] ### "extended slices are not supported in scenes"
---
x = "\N{BULLET}" ### "\\N\{...\} escapes are not supported in scenes"
---
def f():
    x = 1
    print(x)
    global x ### "name 'x' is used prior to global declaration"
---
def f():
    x: int = 1
    global x ### "annotated name 'x' can't be global"
---
def f():
    x = x + 1
    global x ### "name 'x' is used prior to global declaration"
---
def f(x: print("hi")): ### "annotations other than type expressions are not supported in scenes"
    pass
---
x: len([]) = 3 ### "annotations other than type expressions are not supported in scenes"
---
async def f() -> await g(): ### "'await' outside function"
    pass
---
from fastapi import Depends
def get_db():
    yield 1
def f(db: "Session" = None, q: str | None = None, n: list[int] = [], m: dict[str, tuple[int, ...]] = {}) -> None:
    pass
def g(db: Annotated[Session, Depends(get_db)], x: typing.Optional[int] = None):
    pass
---
# Assignment targets, as CPython 3.11 words them.
await x = 1 ### "cannot\ assign\ to\ await\ expression\ here\.\ Maybe\ you\ meant\ '=='\ instead\ of\ '='\?"
---
a < b = 1 ### "cannot\ assign\ to\ comparison"
---
a and b = 1 ### "cannot\ assign\ to\ expression"
---
not a = 1 ### "cannot\ assign\ to\ expression"
---
-a = 1 ### "cannot\ assign\ to\ expression\ here\.\ Maybe\ you\ meant\ '=='\ instead\ of\ '='\?"
---
[x for x in y] = 1 ### "cannot\ assign\ to\ list\ comprehension\ here\.\ Maybe\ you\ meant\ '=='\ instead\ of\ '='\?"
---
{1: 2} = 1 ### "cannot\ assign\ to\ dict\ literal\ here\.\ Maybe\ you\ meant\ '=='\ instead\ of\ '='\?"
---
{1} = 1 ### "cannot\ assign\ to\ set\ display\ here\.\ Maybe\ you\ meant\ '=='\ instead\ of\ '='\?"
---
"s" = 1 ### "cannot\ assign\ to\ literal\ here\.\ Maybe\ you\ meant\ '=='\ instead\ of\ '='\?"
---
f"s" = 1 ### "cannot\ assign\ to\ f\-string\ expression\ here\.\ Maybe\ you\ meant\ '=='\ instead\ of\ '='\?"
---
True = 1 ### "cannot\ assign\ to\ True"
---
None = 1 ### "cannot\ assign\ to\ None"
---
... = 1 ### "cannot\ assign\ to\ ellipsis\ here\.\ Maybe\ you\ meant\ '=='\ instead\ of\ '='\?"
---
(x for x in y) = 1 ### "cannot\ assign\ to\ generator\ expression"
---
lambda: 1 = 1 ### "cannot\ assign\ to\ lambda"
---
a if b else c = 1 ### "cannot\ assign\ to\ conditional\ expression"
---
f() = 1 = 2 ### "cannot\ assign\ to\ function\ call"
---
a + b = 1 ### "cannot\ assign\ to\ expression\ here\.\ Maybe\ you\ meant\ '=='\ instead\ of\ '='\?"
---
(a + b) = 1 ### "cannot\ assign\ to\ expression\ here\.\ Maybe\ you\ meant\ '=='\ instead\ of\ '='\?"
---
yield = 1 ### "assignment\ to\ yield\ expression\ not\ possible"
---
[a, f()] = 1 ### "cannot\ assign\ to\ function\ call"
---
x, f() = 1 ### "cannot\ assign\ to\ function\ call\ here\.\ Maybe\ you\ meant\ '=='\ instead\ of\ '='\?"
---
f() += 1 ### "'function\ call'\ is\ an\ illegal\ expression\ for\ augmented\ assignment"
---
a, b += 1 ### "'tuple'\ is\ an\ illegal\ expression\ for\ augmented\ assignment"
---
for f() in x: pass ### "cannot\ assign\ to\ function\ call"
---
with a as f(): pass ### "cannot\ assign\ to\ function\ call"
---
del a + b ### "cannot\ delete\ expression"
---
[x for f() in y] ### "cannot\ assign\ to\ function\ call"
---
def f(xs):
    r: xs.append(1)
    r = 2
    return r
---
# CPython reports symbol-table errors before code-generation ones.
def f():
    await x
def g():
    print(y)
    global y ### "name 'y' is used prior to global declaration"
---
break ### "'break' outside loop"
async def h():
    yield 1
    return 2 ### "'return' with value in async generator"
---
import os
yield 1 ### "'yield' outside function"
---
import asyncio
global asyncio
---
import asyncio
nonlocal asyncio ### "nonlocal declaration not allowed at module level"
---
def f():
    def g():
        nonlocal zz
    t0 = 1
    def h():
        print(t0)
        nonlocal t0 ### "name 't0' is used prior to nonlocal declaration"
---
x = *a ### "can't use starred expression here"
---
for *a in y: ### "starred assignment target must be in a list or tuple"
    pass
---
def f():
    return *a ### "can't use starred expression here"
---
a, *b, *c = d ### "multiple starred expressions in assignment"
---
x = a[*b]
---
x := 1 ### "invalid syntax"
---
a.b := 1 ### "cannot use assignment expressions with attribute"
---
y = x := 1 ### "invalid syntax"
---
f(x := 1)
---
[i := 0 for i in range(3)] ### "assignment expression cannot rebind comprehension iteration variable 'i'"
---
[[(i := 1) for j in range(2)] for i in range(2)] ### "assignment expression cannot rebind comprehension iteration variable 'i'"
---
[x for x in (y := [1])] ### "assignment expression cannot be used in a comprehension iterable expression"
---
[x for x in range(3) for y in (z := [1])] ### "assignment expression cannot be used in a comprehension iterable expression"
---
print((x) := 1) ### "invalid syntax"
---
def f():
    nonlocal q ### "no binding for nonlocal 'q' found"
    [q := 1 for a in b]
---
def f():
    [total := total + v for v in range(5)]
    return [(last := w) for w in total]
---
while chunk := read():
    pass
---
asyncio.run(ma:=in()) ### "invalid syntax"
---
print(f"{*e}") ### "f-string: cannot use starred expression here"
---
try:
    pass
except: ### "default 'except:' must be last"
    pass
except ValueError:
    pass
---
x = [a, b for a, b in c] ### "did you forget parentheses around the comprehension target\?"
---
def f(x=): ### "expected default value expression"
    pass
---
def f(a, (b)): ### "Function parameters cannot be parenthesized"
    pass
---
x = {1: 2, 3} ### "':' expected after dictionary key"
