# Augmented assignment on subscripts and nested containers.
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
counts["the"] += 10
print(counts)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 5
grid[0][0] -= 1
print(grid)
nums = [1, 2, 3]
i = 0
nums[i] *= 100
nums[-1] **= 2
print(nums)
totals = {"a": [1], "b": [2]}
totals["a"] += [3]
print(totals)
answer = (counts, grid, nums, totals)

# expect status: ok
# expect answer: ({'the': 13, 'cat': 1, 'and': 2, 'hat': 1, 'bat': 1}, [[-1, 0, 0], [0, 0, 5]], [100, 2, 9], {'a': [1, 3], 'b': [2]})
# expect type: tuple
# expect stdout: "{'the': 13, 'cat': 1, 'and': 2, 'hat': 1, 'bat': 1}\n[[-1, 0, 0], [0, 0, 5]]\n[100, 2, 9]\n{'a': [1, 3], 'b': [2]}\n"
