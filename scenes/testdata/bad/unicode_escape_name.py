# want: 2:7: \N{...} escapes are not supported in scenes: write the character itself, or a \uXXXX escape
print("\N{BULLET} item")
