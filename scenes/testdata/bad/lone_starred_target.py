# want: 2:1: starred assignment target must be in a list or tuple
*items = [1, 2, 3]
print(items)
