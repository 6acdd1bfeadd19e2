# Comprehension kinds side by side: list, set, dict and generator expression.
data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
as_list = [d % 4 for d in data]
as_set = {d % 4 for d in data}
as_dict = {d: d % 4 for d in data}
as_gen = (d % 4 for d in data)
print(as_list)
print(as_set)
print(as_dict)
print(type(as_gen), list(as_gen), list(as_gen))
word_index = {w: i for i, w in enumerate("a b a c b".split())}
print(word_index)
answer = (as_list, sorted(as_set), as_dict)

# expect status: ok
# expect answer: ([3, 1, 0, 1, 1, 1, 2, 2, 1, 3, 1], [0, 1, 2, 3], {3: 3, 1: 1, 4: 0, 5: 1, 9: 1, 2: 2, 6: 2})
# expect type: tuple
# expect stdout: "[3, 1, 0, 1, 1, 1, 2, 2, 1, 3, 1]\n{0, 1, 2, 3}\n{3: 3, 1: 1, 4: 0, 5: 1, 9: 1, 2: 2, 6: 2}\n<class 'generator'> [3, 1, 0, 1, 1, 1, 2, 2, 1, 3, 1] []\n{'a': 2, 'b': 4, 'c': 3}\n"
