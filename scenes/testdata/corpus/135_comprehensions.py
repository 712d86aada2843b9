# Plain Python: list, dict and nested comprehensions, with conditions.
evens = [n for n in range(10) if n % 2 == 0]
print(evens)
labels = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print(labels)
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs)
lengths = {w: len(w) for w in ["loop", "task", "future"]}
print(lengths)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
flat = [x for row in matrix for x in row if x % 4 != 0]
print(flat, sum(flat))
print(sorted({w[0] for w in ["apple", "avocado", "banana", "cherry"]}))
