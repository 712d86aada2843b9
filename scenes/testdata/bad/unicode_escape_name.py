# want: 2:7: \N{...} escapes are not supported in scenes
print("\N{BULLET} item")
