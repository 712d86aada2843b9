# An uncaught exception whose class defines __str__: the traceback's last
# line is the class's qualified name and str(e).
class ConfigError(Exception):
    def __init__(self, key, problem):
        super().__init__(key, problem)
        self.key = key
        self.problem = problem

    def __str__(self):
        return f"setting {self.key!r}: {self.problem}"


def load(settings):
    for key in ("host", "port"):
        if key not in settings:
            raise ConfigError(key, "missing")
    return settings


print(load({"host": "a", "port": 1}))
load({"host": "b"})
