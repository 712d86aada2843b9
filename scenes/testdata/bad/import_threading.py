# want: 3:8: module 'threading' is not available in scenes: scenes make threads through asyncio and concurrent.futures: await asyncio.to_thread(f), loop.run_in_executor(None, f) or concurrent.futures.ThreadPoolExecutor().submit(f); locks between tasks are asyncio.Lock
import asyncio
import threading

def work():
    print("in a thread")

threading.Thread(target=work).start()
