# want: 4:7: unterminated triple-quoted string literal (detected at line 7)
import asyncio

DOC = """A scene that never closes its docstring.

async def main():
    await asyncio.sleep(1)
