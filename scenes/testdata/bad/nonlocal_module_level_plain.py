# want: 4:1: nonlocal declaration not allowed at module level
import asyncio

nonlocal counter
counter = 0
