# source: https://github.com/twoLoop-40/asyncio_course/blob/main/codes/10_gather_exceptions.py (an asyncio course's code on GitHub); edits: removed the unused `import aiohttp`
import asyncio


async def coro_norm():
    return 'Hello world'


async def coro_value_error():
    raise ValueError


async def coro_type_error():
    raise TypeError


async def main():
    try:
        results = await asyncio.gather(
            coro_norm(),
            coro_value_error(),
            coro_type_error(),
            return_exceptions=True
        )

    except ValueError as e:
        print(f'{e=}')

    except TypeError as e:
        print(f'{e=}')

    else:
        print(f'{results=}')




asyncio.run(main())
