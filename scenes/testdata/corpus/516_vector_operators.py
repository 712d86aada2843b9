# Operator overloading on a small vector class: +, -, * by a number on
# either side, unary minus, ==, in-place += (falling back to +), len and
# indexing, abs(), and a sum() starting from a zero vector.
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return "Vec(" + ", ".join(str(x) for x in self.xs) + ")"

    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])

    def __sub__(self, other):
        return Vec(*[a - b for a, b in zip(self.xs, other.xs)])

    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return Vec(*[a * k for a in self.xs])

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __len__(self):
        return len(self.xs)

    def __abs__(self):
        return sum(x * x for x in self.xs) ** 0.5

    def __getitem__(self, i):
        return self.xs[i]


v, w = Vec(1, 2), Vec(10, 20)
print(v + w, w - v, v * 3, 2 * v, -v, v == Vec(1, 2), v != w)
u = v
u += w
print(u, v, u is v, len(u), u[0], u[-1], u[0:1])
print(sum([Vec(1, 1), Vec(2, 2)], Vec(0, 0)), abs(Vec(3, 4)))
try:
    v * v
except TypeError as e:
    print("TypeError:", e)
try:
    v < w
except TypeError as e:
    print("TypeError:", e)
