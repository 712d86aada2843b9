# __init_subclass__ as a plugin registry, class attributes read through
# type(self), and isinstance/issubclass with tuples of classes.
class Plugin:
    registry = {}

    def __init_subclass__(cls):
        Plugin.registry[cls.name] = cls

    def run(self):
        return f"{type(self).name} runs ({type(self).__name__})"


class Upper(Plugin):
    name = "upper"


class Lower(Plugin):
    name = "lower"


class Loud(Upper):
    name = "loud"


print(sorted(Plugin.registry))
for key in sorted(Plugin.registry):
    print(Plugin.registry[key]().run())
print(isinstance(Loud(), (Lower, Upper)), issubclass(Loud, (Lower, Plugin)), issubclass(Lower, Upper))
print(type(Loud()) is Loud, type(Loud()) == Upper, Loud.__bases__[0].__name__)
