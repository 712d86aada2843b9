# want: 5:1: name 'count' is assigned to before nonlocal declaration
import asyncio

count = 0
nonlocal count
