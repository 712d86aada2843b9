# want: 4:20: unmatched ')'
import asyncio

asyncio.run(main()))
