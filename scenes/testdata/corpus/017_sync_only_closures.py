# Closures, nonlocal and global in plain Python.
counter_total = 0


def make_counter(step=1):
    count = 0

    def tick():
        nonlocal count
        global counter_total
        count += step
        counter_total += step
        return count

    return tick


by_one = make_counter()
by_five = make_counter(step=5)
print(by_one(), by_one(), by_one())
print(by_five(), by_five())
print("grand total:", counter_total)

adders = [lambda x, n=n: x + n for n in range(3)]
print([add(10) for add in adders])
late = [lambda x: x + n for n in range(3)]
print([add(10) for add in late])
