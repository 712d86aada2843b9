# KeyError shows the missing key with repr quotes; IndexError-free lookups.
inventory = {"apple": 3, 7: "seven"}
for key in ["apple", "banana", 7, 8]:
    try:
        print(key, "->", inventory[key])
    except KeyError as e:
        print("KeyError:", e, "| repr:", repr(e))
print("get with default:", inventory.get("banana", 0))
try:
    {}.pop("nothing")
except KeyError as e:
    print("pop of a missing key:", repr(e))
