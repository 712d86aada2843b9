# want: 3:11: extended slices are not supported in scenes
grid = [[1, 2], [3, 4]]
print(grid[0:1, 1])
