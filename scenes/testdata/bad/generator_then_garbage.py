# want: 4:33: invalid syntax
import asyncio

total = sum(d for d in delays if)
