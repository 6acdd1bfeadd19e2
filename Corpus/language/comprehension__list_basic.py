# List comprehensions: mapping, filtering, conditional expressions, over strings and dicts.
nums = [1, 2, 3, 4, 5, 6]
print([n * n for n in nums])
print([n for n in nums if n % 2 == 0])
print(["even" if n % 2 == 0 else "odd" for n in nums])
print([c.upper() for c in "abc"])
print([k for k in {"x": 1, "y": 2}])
print([len(w) for w in "one three fifteen".split()])
print([i * j for i, j in zip(nums, nums[1:])])
print([[0] * 2 for _ in range(3)])
print([x for x in []], [None for _ in range(2)])
answer = [n ** 3 for n in nums if n > 2]

# expect status: ok
# expect answer: [27, 64, 125, 216]
# expect type: list
# expect stdout: "[1, 4, 9, 16, 25, 36]\n[2, 4, 6]\n['odd', 'even', 'odd', 'even', 'odd', 'even']\n['A', 'B', 'C']\n['x', 'y']\n[3, 5, 7]\n[2, 6, 12, 20, 30]\n[[0, 0], [0, 0], [0, 0]]\n[] [None, None]\n"
