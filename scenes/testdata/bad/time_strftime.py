# want: 5:12: time.strftime is not supported in scenes
import time

start = time.monotonic()
print(time.strftime("%H:%M"))
