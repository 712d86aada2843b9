# want: 5:9: 'return' outside function
import asyncio

class Worker:
        return 1
