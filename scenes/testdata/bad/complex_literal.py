# want: 2:9: complex numbers are not supported in scenes
z = 3 + 4j
print(abs(z))
