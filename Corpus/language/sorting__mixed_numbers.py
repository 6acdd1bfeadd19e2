# Sorting lists that mix ints, floats, bools and big ints.
mixed = [3, 1.5, -2, True, 0, 2.0, 10 ** 20, 1e20, -0.5, False, 2]
print(sorted(mixed))
print(sorted(mixed, reverse=True))
print(sorted(mixed, key=abs))
print(max(mixed), min(mixed), sum(mixed))
ties = [2, 2.0, 1, 1.0, True]
print(sorted(ties), sorted(ties, reverse=True))
answer = sorted(mixed)

# expect status: ok
# expect answer: [-2, -0.5, 0, False, True, 1.5, 2.0, 2, 3, 100000000000000000000, 1e+20]
# expect type: list
# expect stdout: "[-2, -0.5, 0, False, True, 1.5, 2.0, 2, 3, 100000000000000000000, 1e+20]\n[100000000000000000000, 1e+20, 3, 2.0, 2, 1.5, True, 0, False, -0.5, -2]\n[0, False, -0.5, True, 1.5, -2, 2.0, 2, 3, 100000000000000000000, 1e+20]\n100000000000000000000 -2 2e+20\n[1, 1.0, True, 2, 2.0] [2, 2.0, 1, 1.0, True]\n"
