# typing: the names annotations use evaluate and print as CPython 3.11 prints them.
import asyncio
from typing import Optional, List, Dict, Tuple, Set, Any, Callable, Awaitable, Coroutine, AsyncIterator, AsyncGenerator, Iterator, Iterable, Union, Annotated, TypeVar, TYPE_CHECKING, cast
import typing

T = TypeVar("T")


async def fetch(n: int, tags: Optional[List[str]] = None) -> Dict[str, Any]:
    await asyncio.sleep(0.1)
    return {"n": n, "tags": tags or []}


def apply(f: Callable[[int], Awaitable[Dict[str, Any]]], xs: Iterable[int]) -> List[Coroutine[Any, Any, Dict[str, Any]]]:
    return [f(x) for x in xs]


async def main() -> None:
    print(await asyncio.gather(*apply(fetch, range(3))))
    print(Optional[str], Union[int, str], Union[int, None], Union[int], Optional[Union[int, str]])
    print(List[int], Dict[str, int], Tuple[int, ...], Set[float], Callable[..., int], Callable[[int, str], None])
    print(AsyncIterator[int], AsyncGenerator[int, None], Iterator[str], Annotated[str, "meta", 3])
    print(T, typing.Any, typing.List, Optional, TYPE_CHECKING, cast(int, "x"))
    print(fetch.__annotations__)
    print(Union[int, str | None], List[None])


asyncio.run(main())
