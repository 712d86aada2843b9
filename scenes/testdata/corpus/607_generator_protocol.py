# A sync generator is a coroutine of its own: send() resumes it with a
# value, throw() raises inside it at the paused yield, close() raises
# GeneratorExit there, and its return value arrives in StopIteration.value.
# Here one drives a running average while asyncio tasks feed it.
import asyncio


def averager():
    total, count = 0.0, 0
    try:
        while True:
            try:
                value = yield (total / count if count else None)
            except ValueError as e:
                print("  averager ignores a bad reading:", e)
                continue
            total += value
            count += 1
    except GeneratorExit:
        print("  averager closed after", count, "readings")
        raise
    finally:
        print("  averager cleanup")


def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def take(gen, n):
    return [next(gen) for _ in range(n)]


g = countdown(3)
print(take(g, 3))
try:
    next(g)
except StopIteration as stop:
    print("returned", repr(stop.value))
print(next(g, "exhausted"))

g = countdown(2)
try:
    g.send("too early")
except TypeError as e:
    print(e)
print(g.send(None), g.close(), list(g))

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)


async def sensor(avg, name, readings, delay):
    for r in readings:
        await asyncio.sleep(delay)
        if r is None:
            print(f"{name}: bad reading ->", avg.throw(ValueError(f"{name} glitch")))
        else:
            print(f"{name}: {r} -> average {avg.send(r)}")


async def main():
    avg = averager()
    print("primed:", next(avg))
    await asyncio.gather(
        sensor(avg, "a", [10, 20, None], 0.2),
        sensor(avg, "b", [5, 15], 0.3),
    )
    avg.close()
    print("closed:", avg.gi_frame is None)
    try:
        avg.send(1)
    except StopIteration:
        print("a closed generator only stops")


asyncio.run(main())
