# want: 3:7: globals() is not supported in scenes
x = 1
print(globals()["x"])
