# Exact comparisons between big ints and floats (no rounding of the int to float first).
x = 2 ** 53
print(x == float(x), x + 1 == float(x + 1), x + 1 > float(x), float(x + 1) == float(x))
print(10 ** 16 == 1e16, 10 ** 16 + 1 == 1e16, 10 ** 16 + 1 > 1e16, 10 ** 23 == 1e23)
print(int(1e23), int(1e16) == 10 ** 16, 2 ** 1024 > 1.7e308, 2 ** 1024 > float("inf"))
print(sorted([2 ** 53 + 1, float(2 ** 53), 2 ** 53 - 1]))
print(max(10 ** 20, 1e20), min(1e20, 10 ** 20), 10 ** 20 == 1e20)
print(0.1 * 3 == 0.3, 3 * 0.1, 1 / 3 * 3 == 1.0, int(0.1 * 3 * 10))
answer = [10 ** 16 + 1 > 1e16, 2 ** 53 + 1 == 2.0 ** 53]

# expect status: ok
# expect answer: [True, False]
# expect type: list
# expect stdout: "True False True True\nTrue False True False\n99999999999999991611392 True True False\n[9007199254740991, 9007199254740992.0, 9007199254740993]\n100000000000000000000 1e+20 True\nFalse 0.30000000000000004 True 3\n"
