# Iterator classes: a class-based range with __iter__/__next__, an iterable
# whose __iter__ is a generator using yield from, iteration by __getitem__
# alone, and the builtins that consume them (list, sum, zip, enumerate,
# sorted, max, in, unpacking).
class Span:
    def __init__(self, start, stop, step=1):
        self.cur, self.stop, self.step = start, stop, step

    def __iter__(self):
        return self

    def __next__(self):
        if self.cur >= self.stop:
            raise StopIteration
        v = self.cur
        self.cur += self.step
        return v


class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c


class Letters:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return "abc"[i]


print(list(Span(0, 10, 3)), sum(Span(1, 5)), list(zip(Span(0, 3), "xyz")))
t = Tree(1, Tree(2, Tree(4)), Tree(3))
print(list(t), sorted(t, reverse=True), max(t), 4 in t, 5 in t)
print(list(enumerate(Letters())), "b" in Letters(), list(Letters()))
a, b, c = Span(7, 10)
print(a, b, c)
first, *rest = Tree(9, Tree(8), Tree(7))
print(first, rest)
it = Span(0, 2)
print(iter(it) is it, next(it), next(it), next(it, None))
