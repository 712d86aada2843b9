# want: 6:5: invalid syntax. Perhaps you forgot a comma?
import asyncio

DELAYS = [
    0.5, 1.0, 1.5,  # the first three tasks
    2.0 2.5
]
