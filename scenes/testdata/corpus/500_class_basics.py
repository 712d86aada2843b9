# Classes: __init__, instance and class attributes, methods, bound methods,
# inheritance with super(), reprs, type(), isinstance, __mro__, __dict__.
class Animal:
    """An animal."""
    kind = "animal"
    count = 0

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __repr__(self):
        return f"Animal({self.name!r})"


class Dog(Animal):
    kind = "dog"

    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []

    def add(self, trick):
        self.tricks.append(trick)
        return self

    def speak(self):
        base = super().speak()
        return base + "!"


d = Dog("Rex")
d.add("sit").add("roll")
print(d.speak(), d.tricks, d.kind, Animal.kind, Animal.count)
a = Animal("Cat", "meow")
print(a.speak(), a, [a, d], Animal.count)
print(type(d).__name__, type(d), isinstance(d, Animal), issubclass(Dog, Animal), isinstance(a, Dog))
print(d.__class__.__name__, Dog.__mro__, Dog.__bases__, d.__dict__)
m = d.speak
print(m())
print(Dog.__doc__, Animal.__doc__, Dog.__qualname__, Dog.__module__)
