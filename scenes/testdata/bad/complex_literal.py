# want: 2:9: complex numbers are not supported in scenes: keep the real and imaginary parts in two floats
z = 3 + 4j
print(abs(z))
