# Multiple inheritance: CPython's C3 method resolution order in a diamond,
# and a cooperative super() chain that visits every class once.
class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["Base"]

    def hello(self):
        return "Base"


class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.trail.append("Left")

    def hello(self):
        return "Left>" + super().hello()


class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.trail.append("Right")

    def hello(self):
        return "Right>" + super().hello()


class Child(Left, Right):
    def __init__(self):
        print("Child.__init__")
        super().__init__()
        self.trail.append("Child")

    def hello(self):
        return "Child>" + super().hello()


c = Child()
print(c.trail)
print(c.hello())
print([k.__name__ for k in Child.__mro__])
print(super(Left, c).hello(), super(Child, c).hello())
print(isinstance(c, (int, Right)), issubclass(Child, (Left, str)), issubclass(Right, Left))


class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass

try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(X, X): pass
except TypeError as e:
    print("TypeError:", e)
