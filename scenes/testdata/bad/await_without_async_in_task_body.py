# want: 6:16: 'await' outside async function
import asyncio

def worker(q):
    while True:
        item = await q.get()
        q.task_done()
