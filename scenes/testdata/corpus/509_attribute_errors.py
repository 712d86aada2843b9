# Mistakes with classes and CPython's messages for them: a missing
# attribute, a wrong number of arguments to __init__ and to a method, a
# property without a setter, calling a non-callable instance, object's
# __init__ given arguments, an abstract method that raises.
class Shape:
    def area(self):
        raise NotImplementedError("subclasses compute the area")


class Square(Shape):
    def __init__(self, side):
        self.side = side

    @property
    def perimeter(self):
        return 4 * self.side

    def scale(self, k):
        return Square(self.side * k)


class Plain:
    pass


s = Square(3)
for action in [
    lambda: s.radius,
    lambda: Square(),
    lambda: Square(1, 2),
    lambda: s.scale(),
    lambda: s.scale(1, 2),
    lambda: setattr(s, "perimeter", 5),
    lambda: s(),
    lambda: Plain(1),
    lambda: Shape().area(),
    lambda: Square.scale(2),
    lambda: Plain.missing,
]:
    try:
        action()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
print(s.perimeter, s.scale(2).side, hasattr(s, "side"), hasattr(s, "radius"))
print(getattr(s, "radius", "no radius"), getattr(s, "side"))
setattr(s, "color", "red")
print(s.color, vars(s), s.__dict__ is vars(s))
del s.color
print(hasattr(s, "color"), vars(s))
