# want: 5:5: 'await' outside async function
import asyncio

def main():
    await asyncio.sleep(1)
    print("done")

asyncio.run(main())
