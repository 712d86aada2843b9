# Plain Python: assert and del of names.
def average(values):
    assert len(values) > 0, "need at least one value"
    return sum(values) / len(values)


print(average([1, 2, 3, 4]))
try:
    average([])
except AssertionError as e:
    print("AssertionError:", e)

temp = "scratch"
print("temp is", temp)
del temp
try:
    print(temp)
except Exception as e:
    print(type(e).__name__ + ":", e)
assert 1 + 1 == 2
print("plain assert passed")
