# want: 3:8: module 'threading' is not supported in scenes (supported: ...)
import asyncio
import threading

def work():
    print("in a thread")

threading.Thread(target=work).start()
