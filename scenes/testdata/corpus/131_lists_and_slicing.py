# Plain Python: list methods and slicing.
nums = [5, 3, 8, 1, 9, 2]
print(nums[0], nums[-1], nums[1:3], nums[:2], nums[3:], nums[::2], nums[::-1])
nums.append(7)
nums.extend([4, 6])
nums.insert(0, 0)
print(nums, len(nums))
print(nums.pop(), nums.pop(0), nums)
nums.remove(8)
print(nums, nums.index(9), nums.count(3))
nums.sort()
print("sorted in place:", nums)
nums.reverse()
print("reversed in place:", nums)
copy = nums[:]
copy[0] = 100
print(nums[0], copy[0])
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 5
print(grid)
word = "asyncio"
print(word[1:4], word[-2:], word[::-1], word[10:], len(word))
del nums[0]
print(nums)
