# Cooperative multiple inheritance: every __init__ takes **kwargs and
# passes the rest on with super(), mixins add behaviour, super() inside a
# classmethod, and two-argument super skipping a class.
class Base:
    def __init__(self, **kwargs):
        print("Base got", sorted(kwargs))
        self.extra = kwargs

    def describe(self):
        return ["Base"]

    @classmethod
    def kind(cls):
        return f"base of {cls.__name__}"


class Named(Base):
    def __init__(self, name, **kwargs):
        self.name = name
        super().__init__(**kwargs)

    def describe(self):
        return ["Named"] + super().describe()


class Timestamped(Base):
    def __init__(self, when=0, **kwargs):
        self.when = when
        super().__init__(**kwargs)

    def describe(self):
        return ["Timestamped"] + super().describe()

    @classmethod
    def kind(cls):
        return "timestamped " + super().kind()


class Event(Named, Timestamped):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    def describe(self):
        return ["Event"] + super().describe()


e = Event(name="launch", when=5, color="blue")
print(e.name, e.when, e.extra, e.describe())
print(Event.kind(), e.kind())
print(super(Named, e).describe(), super(Timestamped, e).describe())
print([c.__name__ for c in Event.__mro__])
