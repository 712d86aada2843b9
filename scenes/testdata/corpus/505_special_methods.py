# Special methods dispatched by operators and builtins: __repr__, __str__,
# __format__, __eq__/__lt__ with NotImplemented and reflection (sorted, min,
# max), __hash__ and __eq__ without __hash__, __add__/__radd__, __bool__,
# __len__, __getitem__/__setitem__/__contains__, __iter__/__next__,
# generator __iter__, __call__, __enter__/__exit__.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __str__(self):
        return f"${self.cents / 100:.2f}"

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents < other.cents

    def __hash__(self):
        return hash(self.cents)

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)

    def __radd__(self, other):
        return self.__add__(other)

    def __bool__(self):
        return self.cents != 0

    def __format__(self, spec):
        return format(self.cents / 100, spec) + " USD"


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


class Stack:
    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __contains__(self, x):
        return x in self.items

    def push(self, x):
        self.items.append(x)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Squares:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        for i in range(self.n):
            yield i * i


class Adder:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x + self.k


class Timer:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None, exc)
        return exc_type is ValueError


a, b, c = Money(250), Money(100), Money(250)
print(a, repr(a), [a, b], f"{a}", f"{a:.1f}", str(b))
print(a == c, a != b, a == 5, a < b, a > b)
print(sorted([a, b, Money(5)]), min(a, b), max([a, b]))
print(sum([a, b], 0), a + 1, 1 + a, bool(Money(0)), not Money(0))
print({a: "x", c: "y"}, len({a, b, c}))
if Money(0):
    print("truthy")
else:
    print("falsy")
try:
    {Point(1, 2)}
except TypeError as e:
    print("TypeError:", e)
print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(1, 3), Point.__hash__)
s = Stack()
s.push(1)
s.push(2)
s[0] = 10
print(len(s), s[0], s[-1], 2 in s, 3 in s, list(s), bool(s), bool(Stack()))
print(list(Countdown(3)), [x for x in Squares(4)], sum(Squares(3)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
add5 = Adder(5)
print(add5(10), callable(add5), callable(s), list(map(add5, [1, 2])))
with Timer() as t:
    print("inside", type(t).__name__)
with Timer():
    raise ValueError("swallowed")
print("after")
try:
    a < 3
except TypeError as e:
    print("TypeError:", e)
try:
    len(Point(1, 1))
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 1)[0]
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 1) + 1
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 1)()
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in Point(1, 1):
        pass
except TypeError as e:
    print("TypeError:", e)
