# want: 3:11: extended slices are not supported in scenes: index one dimension at a time, as in a[1:3][0]
grid = [[1, 2], [3, 4]]
print(grid[0:1, 1])
