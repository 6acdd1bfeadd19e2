# sort is stable, including with reverse=True (equal keys keep their original order).
records = [("b", 2), ("a", 1), ("c", 2), ("d", 1), ("e", 3), ("f", 2)]
by_num = sorted(records, key=lambda r: r[1])
print(by_num)
by_num_desc = sorted(records, key=lambda r: r[1], reverse=True)
print(by_num_desc)
print(records[::-1] == sorted(records[::-1], key=lambda r: 0))
two_pass = sorted(records, key=lambda r: r[0], reverse=True)
two_pass.sort(key=lambda r: r[1])
print(two_pass)
nums = [3, -3, 2, -2, 1, -1, 0]
print(sorted(nums, key=abs), sorted(nums, key=abs, reverse=True))
print(sorted([True, 0, 1, False, 0.5]))
answer = by_num_desc

# expect status: ok
# expect answer: [('e', 3), ('b', 2), ('c', 2), ('f', 2), ('a', 1), ('d', 1)]
# expect type: list
# expect stdout: "[('a', 1), ('d', 1), ('b', 2), ('c', 2), ('f', 2), ('e', 3)]\n[('e', 3), ('b', 2), ('c', 2), ('f', 2), ('a', 1), ('d', 1)]\nTrue\n[('d', 1), ('a', 1), ('f', 2), ('c', 2), ('b', 2), ('e', 3)]\n[0, 1, -1, 2, -2, 3, -3] [3, -3, 2, -2, 1, -1, 0]\n[0, False, 0.5, True, 1]\n"
