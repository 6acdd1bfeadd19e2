# len of every container; list/tuple/dict/set constructors from iterables.
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 2}), len(range(0, 10, 3)), len(""))
print(list(), tuple(), dict(), set(), str(), int(), float(), bool())
print(list("ab"), tuple([1, 2]), set([1, 1, 2]), dict([("a", 1)]), list({"k": 0}.items()))
print(list(range(3, -4, -2)), len(range(10 ** 12)), range(10 ** 12)[-1])
answer = len([x for x in range(100) if x % 7 == 3])

# expect status: ok
# expect answer: 14
# expect type: int
# expect stdout: "3 2 1 1 2 4 0\n[] () {} set()  0 0.0 False\n['a', 'b'] (1, 2) {1, 2} {'a': 1} [('k', 0)]\n[3, 1, -1, -3] 1000000000000 999999999999\n"
