# want: 5:6: time.process_time is not supported in scenes
import time

time.sleep(1)
time.process_time()
