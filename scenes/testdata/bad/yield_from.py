# want: 3:5: 'yield from' is not supported in scenes
def numbers():
    yield from range(3)

for n in numbers():
    print(n)
