# Plain Python: while with break/continue/else and a countdown.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz(27) takes", steps, "steps")

i = 0
while i < 10:
    i += 1
    if i % 3:
        continue
    print("multiple of 3:", i)
    if i > 7:
        break
else:
    print("not printed: the loop ended with break")

tries = 0
while tries < 3:
    tries += 1
else:
    print("while-else runs when the condition turns false; tries =", tries)

for word in ["alpha", "beta", "gamma"]:
    for ch in word:
        if ch == "m":
            print("found m in", word)
            break
    else:
        print("no m in", word)
