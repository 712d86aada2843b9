# want: 3:11: invalid syntax
options = {"a": 1}
merged = [**options]
