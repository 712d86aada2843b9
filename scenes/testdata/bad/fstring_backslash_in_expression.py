# want: 3:28: f-string expression part cannot include a backslash
items = ["a", "b"]
print(f"{'\n'.join(items)}")
