# sum of ints, floats, bools, with start values and over generators.
print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(101)), sum([0.1, 0.2, 0.3]), sum([1, 2.0]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([True, True]), sum(x * x for x in range(4)))
print(sum([1e16, 1, 1]), sum([1, 1, 1e16]), sum([10 ** 20, 0.5]), sum(i / 10 for i in range(10)))
print(sum([1, 2, 3], start=100), sum(map(float, ["1.5", "2.5"])))
answer = sum([19.99, 5.49, 3.25])

# expect status: ok
# expect answer: 28.729999999999997
# expect type: float
# expect stdout: "6 0 10 5050 0.6000000000000001 3.0\n[1, 2, 3] (1, 2) 2 14\n1e+16 1.0000000000000002e+16 1e+20 4.5\n106 4.0\n"
