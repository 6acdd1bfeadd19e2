# int / int is correctly rounded and keeps the sign of a zero result, also past 2**53.
print(0 / -5, 0 / 5, 0 / -9007199254740993, 0 / 10 ** 30, -(10 ** 30) / 10 ** 400)
print(2 ** 53 + 1 / 1, (2 ** 53 + 1) / 1, 10 ** 400 // 10 ** 399, 10 ** 400 / 10 ** 399)
answer = (0 / -(2 ** 64), 1 / -(2 ** 2000))

# expect status: ok
# expect answer: (-0.0, -0.0)
# expect type: tuple
# expect stdout: "-0.0 0.0 -0.0 0.0 -0.0\n9007199254740992.0 9007199254740992.0 10 10.0\n"
