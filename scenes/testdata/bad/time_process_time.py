# want: 5:12: time.process_time is not supported in scenes
import time

start = time.monotonic()
print(time.process_time())
