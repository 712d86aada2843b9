# want: 4:1: cannot assign to literal here. Maybe you meant '==' instead of '='?
import asyncio

1 = x
