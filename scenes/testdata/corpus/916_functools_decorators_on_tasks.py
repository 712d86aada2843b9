# functools as decorators around coroutines and classes: a retry decorator
# built with wraps keeps the coroutine's name, @lru_cache memoises a sync
# helper the tasks share, total_ordering completes a class's comparisons,
# and cmp_to_key sorts the results.
import asyncio
import functools


def retry(times):
    def decorate(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args, **kwargs)
                except ConnectionError as e:
                    print(f"{asyncio.get_running_loop().time():.1f} {fn.__name__} attempt {attempt} failed: {e}")
                    await asyncio.sleep(0.1 * attempt)
            raise ConnectionError(f"{fn.__name__} gave up")
        return wrapper
    return decorate


failures = {"b": 2, "c": 5}


@retry(times=3)
async def fetch(name):
    """Fetch one thing."""
    await asyncio.sleep(0.2)
    if failures.get(name, 0) > 0:
        failures[name] -= 1
        raise ConnectionError(f"{name} unreachable")
    return Result(name, len(name) * 10 + ord(name[0]) % 7)


@functools.lru_cache(maxsize=None)
def weight(name):
    print(f"  computing weight of {name}")
    return sum(map(ord, name)) % 5


@functools.total_ordering
class Result:
    def __init__(self, name, score):
        self.name = name
        self.score = score

    def __eq__(self, other):
        if not isinstance(other, Result):
            return NotImplemented
        return self.score == other.score

    def __lt__(self, other):
        if not isinstance(other, Result):
            return NotImplemented
        return self.score < other.score

    def __repr__(self):
        return f"Result({self.name!r}, {self.score})"


async def main():
    print(fetch.__name__, fetch.__qualname__, fetch.__wrapped__.__name__)
    got = await asyncio.gather(fetch("a"), fetch("b"), fetch("c"), return_exceptions=True)
    print(got)
    results = [r for r in got if isinstance(r, Result)]
    print(sorted(results), max(results), results[0] >= results[1], results[0] <= results[1])
    print([weight(r.name) for r in results + results], weight.cache_info())

    def by_name_desc(x, y):
        return (x.name < y.name) - (x.name > y.name)

    print(sorted(results, key=functools.cmp_to_key(by_name_desc)))
    try:
        @functools.total_ordering
        class Plain:
            pass
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
