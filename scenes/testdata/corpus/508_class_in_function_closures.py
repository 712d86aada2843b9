# Classes made inside functions: class bodies see the function's variables,
# methods see them too (but not the class body's own names), qualified
# names say <locals>, nested classes, a class attribute computed from an
# earlier one.
def make_counter_class(start, step):
    label = f"counter from {start}"

    class Counter:
        first = start
        second = first + step
        doc = label

        def __init__(self):
            self.value = start

        def tick(self):
            self.value += step
            return self.value

        def describe(self):
            return f"{label}, step {step}"

        class Snapshot:
            def __init__(self, value):
                self.value = value

        def snap(self):
            return Counter.Snapshot(self.value)

    return Counter


C = make_counter_class(10, 5)
c = C()
print(c.tick(), c.tick(), c.describe(), C.first, C.second, C.doc)
print(C.__qualname__, C.Snapshot.__qualname__, C.tick.__qualname__, C.__name__)
print(c.snap().value, type(c.snap()).__name__)
D = make_counter_class(0, 1)
print(D().tick(), C is D, C.__name__ == D.__name__)

x = "global x"


class Scope:
    x = "class x"
    y = x.upper()
    items = [x for _ in range(2)]

    def method(self):
        return x


print(Scope.y, Scope.items, Scope().method())
