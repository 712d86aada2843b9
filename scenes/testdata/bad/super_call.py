# want: 3:12: super() is not supported in scenes
def f():
    return super().method()
