# map and filter return lazy iterators; list() materialises them.
nums = [3, -1, 4, -1, 5, 0, -9]
print(list(map(abs, nums)), list(map(str, nums[:3])), list(map(lambda x: x * 2, nums)))
print(list(filter(lambda x: x > 0, nums)), list(filter(None, nums)), list(filter(str.isdigit, ["1", "a", "22"])))
print(list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b: a + b, "abc", "xy")))
print(sum(map(int, "1 2 3 4".split())), max(map(len, ["a", "abc", "ab"])))
m = map(int, ["7", "8"])
print(list(m), list(m))
print(sorted(filter(lambda w: len(w) > 2, ["hi", "hello", "hey", "yo"])))
answer = list(map(lambda p: round(p * 1.1, 2), [10, 20, 30]))

# expect status: ok
# expect answer: [11.0, 22.0, 33.0]
# expect type: list
# expect stdout: "[3, 1, 4, 1, 5, 0, 9] ['3', '-1', '4'] [6, -2, 8, -2, 10, 0, -18]\n[3, 4, 5] [3, -1, 4, -1, 5, -9] ['1', '22']\n[8, 9] ['ax', 'by']\n10 3\n[7, 8] []\n['hello', 'hey']\n"
