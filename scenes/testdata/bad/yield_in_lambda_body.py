# want: 2:29: invalid syntax
values = list(map(lambda x: yield x, range(3)))
