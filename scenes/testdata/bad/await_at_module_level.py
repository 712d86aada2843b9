# want: 7:10: 'await' outside function
import asyncio

async def main():
    return 42

result = await main()
print(result)
