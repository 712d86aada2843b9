# Plain Python: ints and floats, the parts that surprise people.
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, -7 // -2, (-7 // 2, -7 % 2))
print(7 / 2, 6 / 3, type(6 / 3).__name__)
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3)
print(2 ** 100, 2 ** 0.5, 10 ** -2)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2))
print(abs(-3), abs(-2.5), abs(4))
print(int("42"), int(3.99), int(-3.99), float("1.5"), float(3), str(3.0), str(10 ** 20))
print(1e16, 1.5e-7, 123456789.0, 1 / 3, 2 / 3, 100.0)
print(max(3, 7.5, -1), min([4, 2, 8]), sum([0.1] * 10), sum(range(101)))
big = 1
for i in range(1, 26):
    big *= i
print("25! =", big, "digits:", len(str(big)))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print("after augmented assignments:", x)
print(True + True, bool(0), bool(0.0), bool(-1), int(True), 3 * False)
