# Plain Python: enumerate, zip, reversed, range with steps.
days = ["mon", "tue", "wed"]
temps = [18, 21, 17, 99]
for i, day in enumerate(days):
    print(i, day)
for i, day in enumerate(days, start=1):
    print(f"day {i}: {day}")
for day, t in zip(days, temps):
    print(day, t)
print(list(zip(days, temps, "xyz")))
print(list(reversed(days)), list(reversed(range(5))))
print(list(range(10, 0, -3)), list(range(0, 10, 4)), len(range(0, 100, 7)))
print(dict(zip(days, temps)))
print(max(zip(temps, days)), min(enumerate(temps), key=lambda p: p[1]))
