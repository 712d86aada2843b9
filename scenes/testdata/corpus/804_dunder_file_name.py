# __file__ and __name__ as CPython sets them for the script it runs.
import asyncio


async def main():
    await asyncio.sleep(1)
    print(__name__, __file__.endswith("804_dunder_file_name.py"), type(__file__).__name__)


if __name__ == "__main__":
    asyncio.run(main())
