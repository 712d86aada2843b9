# Enum members with explicit values: strings, tuples, aliases (a second
# name for the same value), methods and properties on members, and a
# dispatcher task that tests members by identity.
import asyncio
from enum import Enum


class Method(Enum):
    GET = "get"
    POST = "post"
    FETCH = "get"  # an alias of GET

    @property
    def safe(self):
        return self is Method.GET


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def density_hint(self):
        mass, radius = self.value
        return round(mass / radius ** 3 / 1e3, 2)


async def handle(method, path):
    await asyncio.sleep(0.1 if method.safe else 0.3)
    if method is Method.GET:
        return f"read {path}"
    elif method == Method.POST:
        return f"wrote {path}"


async def main():
    print(list(Method), Method.FETCH, Method("get") is Method.GET, Method.FETCH.name)
    replies = await asyncio.gather(handle(Method.POST, "/a"), handle(Method("get"), "/b"), handle(Method["FETCH"], "/c"))
    print(replies, asyncio.get_running_loop().time())
    for p in Planet:
        print(p.name, p.value, p.density_hint())
    print(repr(Planet.EARTH), Method.GET.value.upper(), {m.value for m in Method} == {"get", "post"})
    try:
        Method("put")
    except ValueError as e:
        print("ValueError:", e)
    try:
        class More(Method):
            PUT = "put"
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
