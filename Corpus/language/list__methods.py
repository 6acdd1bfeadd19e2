# Every list method.
nums = [5, 3, 8]
nums.append(1); print(nums)
nums.extend([9, 2]); print(nums)
nums.extend("ab"); print(nums)
del nums[-2:]
nums.insert(0, 100); nums.insert(-1, 50); nums.insert(99, 7); print(nums)
print(nums.pop(), nums.pop(0), nums.pop(-2), nums)
nums.remove(8); print(nums)
print(nums.index(1), [1, 2, 1, 2].index(2, 2), [0, 0, 1].count(0))
nums.reverse(); print(nums)
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
copy = nums.copy(); copy.append("x"); print(nums, copy)
words = ["pear", "Fig", "apple"]
words.sort(key=len); print(words)
words.sort(key=str.lower); print(words)
copy.clear(); print(copy)
print([3, 1, 2].sort(), sorted([3, 1, 2]))
answer = nums

# expect status: ok
# expect answer: [9, 5, 3, 2, 1]
# expect type: list
# expect stdout: "[5, 3, 8, 1]\n[5, 3, 8, 1, 9, 2]\n[5, 3, 8, 1, 9, 2, 'a', 'b']\n[100, 5, 3, 8, 1, 9, 50, 2, 7]\n7 100 50 [5, 3, 8, 1, 9, 2]\n[5, 3, 1, 9, 2]\n2 3 2\n[2, 9, 1, 3, 5]\n[1, 2, 3, 5, 9]\n[9, 5, 3, 2, 1]\n[9, 5, 3, 2, 1] [9, 5, 3, 2, 1, 'x']\n['Fig', 'pear', 'apple']\n['apple', 'Fig', 'pear']\n[]\nNone [1, 2, 3]\n"
