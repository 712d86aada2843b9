# An exception group's split() divides it by a type, a tuple of types or a
# predicate, keeping the nesting; subgroup() keeps only the matching part;
# derive() makes a group like it with other members; add_note() adds notes,
# which the parts carry. A TaskGroup's failures are such a group.
import asyncio

eg = ExceptionGroup("batch", [
    ValueError("bad 1"),
    TypeError("wrong"),
    ExceptionGroup("inner", [ValueError("bad 2"), KeyError("k")]),
])
eg.add_note("while importing batch 7")
values, rest = eg.split(ValueError)
print(repr(values))
print(repr(rest))
print(values.__notes__, rest.__notes__)
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError), eg.subgroup(ExceptionGroup) is eg)
print(repr(eg.split((TypeError, KeyError))[0]))
print(repr(eg.derive([RuntimeError("replacement")])))
print(str(eg), eg.message, len(eg.exceptions))
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("base inside", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
print(type(BaseExceptionGroup("mixed", [KeyboardInterrupt(), ValueError()])).__name__)
print(type(BaseExceptionGroup("only exceptions", [ValueError()])).__name__)


async def job(n):
    await asyncio.sleep(n / 10)
    if n % 2:
        raise ValueError(f"job {n} failed")
    raise ConnectionError(f"job {n} lost")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            for n in (3, 3):
                tg.create_task(job(n))
    except ExceptionGroup as group:
        print(f"{loop.time() - t0:.1f}", group.message, len(group.exceptions))
        errors, others = group.split(ValueError)
        print([str(e) for e in errors.exceptions], others)
        by_type = group.subgroup(lambda e: "failed" in str(e))
        print(by_type is group)


asyncio.run(main())
