# No asyncio at all, just a loop without end.
total = 0
while True:
    total += 1
