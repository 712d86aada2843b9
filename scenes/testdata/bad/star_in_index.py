# want: 3:13: invalid syntax
items = [1, 2, 3]
print(items[*items])
