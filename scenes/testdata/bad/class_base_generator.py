# want: 2:11: invalid syntax
class A(x for x in y):
    pass
