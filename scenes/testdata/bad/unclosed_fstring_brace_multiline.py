# want: 7:15: f-string: expecting '}'
import asyncio

async def main():
    n = 3
    print(f"""waited {n
    seconds""")
