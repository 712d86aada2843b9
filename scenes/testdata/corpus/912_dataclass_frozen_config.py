# frozen=True: instances are read-only (FrozenInstanceError) and hashable,
# so they can key a dict of results; replace() makes changed copies.
import asyncio
import dataclasses
from dataclasses import FrozenInstanceError, dataclass


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int = 80
    tls: bool = False

    def url(self):
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{self.host}:{self.port}"


async def probe(ep):
    await asyncio.sleep(0.1 * len(ep.host))
    return ep.port in (80, 443)


async def main():
    eps = [Endpoint("a.io"), Endpoint("bb.io", 443, True), Endpoint("c.io", 8080)]
    results = dict(zip(eps, await asyncio.gather(*(probe(e) for e in eps))))
    for ep, ok in results.items():
        print(f"{asyncio.get_running_loop().time():.1f}", ep.url(), ok)
    print(results[Endpoint("a.io")], Endpoint("a.io") in results)
    secure = dataclasses.replace(eps[0], port=443, tls=True)
    print(secure, secure == eps[0], eps[0])
    try:
        secure.port = 1
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
    try:
        del secure.host
    except AttributeError as e:
        print("AttributeError:", e)
    print(dataclasses.asdict(secure), dataclasses.is_dataclass(secure), Endpoint.__match_args__)
    try:
        @dataclass
        class Broken:
            items: list = []
    except ValueError as e:
        print("ValueError:", e)
    try:
        @dataclass
        class Order:
            a: int = 1
            b: int
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
