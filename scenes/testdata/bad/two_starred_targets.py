# want: 2:1: multiple starred expressions in assignment
first, *middle, *rest = [1, 2, 3, 4]
print(first, middle, rest)
