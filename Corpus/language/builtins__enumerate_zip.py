# enumerate with start, zip with unequal lengths, zip(strict=True), and unzipping.
fruits = ["apple", "banana", "cherry"]
print(list(enumerate(fruits)), list(enumerate(fruits, start=1)), list(enumerate("ab", 10)))
for i, f in enumerate(fruits, 1):
    print(f"{i}. {f}")
prices = [1.2, 0.5]
print(list(zip(fruits, prices)), list(zip(fruits, prices, "xyz")), list(zip()), list(zip([1])))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
print(dict(zip(fruits, range(3))), dict(enumerate("xy")))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
answer = [(i, f[0]) for i, f in enumerate(fruits)]

# expect status: ok
# expect answer: [(0, 'a'), (1, 'b'), (2, 'c')]
# expect type: list
# expect stdout: "[(0, 'apple'), (1, 'banana'), (2, 'cherry')] [(1, 'apple'), (2, 'banana'), (3, 'cherry')] [(10, 'a'), (11, 'b')]\n1. apple\n2. banana\n3. cherry\n[('apple', 1.2), ('banana', 0.5)] [('apple', 1.2, 'x'), ('banana', 0.5, 'y')] [] [(1,)]\n(1, 2, 3) ('a', 'b', 'c')\n{'apple': 0, 'banana': 1, 'cherry': 2} {0: 'x', 1: 'y'}\nValueError: zip() argument 2 is shorter than argument 1\n"
