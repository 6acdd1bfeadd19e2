# min and max with several arguments, iterables, key= and default=.
print(max(3, 7, 2), min(3, 7, 2), max([1.5, 2, -3]), min("banana"), max("apple", "pear", "fig"))
print(max([], default=0), min((), default=None), max([5], default=99), max([[1, 2], [1, 3], [0, 9]]))
words = ["pear", "fig", "banana", "kiwi"]
print(max(words, key=len), min(words, key=len), max(words, key=lambda w: w[-1]), min(words, key=len, default=""))
print(max(1, 1.0), max(1.0, 1), min(2, 2.0, key=float), max((1, "b"), (1, "a")))
d = {"a": 3, "b": 9, "c": 9}
print(max(d), max(d, key=d.get), max(d.values()), min(d.items(), key=lambda kv: kv[1]))
answer = [max(3, 8, 1), min([4, 2, 6]), max(words, key=len)]

# expect status: ok
# expect answer: [8, 2, 'banana']
# expect type: list
# expect stdout: "7 2 2 a pear\n0 None 5 [1, 3]\nbanana fig pear fig\n1 1.0 2 (1, 'b')\nc b 9 ('a', 3)\n"
