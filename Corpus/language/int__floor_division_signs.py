# // and % with every sign combination: the quotient floors and the remainder takes the divisor's sign.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (0, -5), (1, 10), (-1, 10), (1, -10)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)
print(-3 // 4, -(3 // 4), int(-3 / 4), -13 % 5, 13 % -5)
answer = [(a // b, a % b) for a, b in pairs]

# expect status: ok
# expect answer: [(3, 1), (-4, 1), (-4, -1), (3, -1), (2, 0), (-2, 0), (0, 0), (0, 0), (0, 1), (-1, 9), (-1, -9)]
# expect type: list
# expect stdout: "7 2 3 1 (3, 1) True\n-7 2 -4 1 (-4, 1) True\n7 -2 -4 -1 (-4, -1) True\n-7 -2 3 -1 (3, -1) True\n6 3 2 0 (2, 0) True\n-6 3 -2 0 (-2, 0) True\n0 5 0 0 (0, 0) True\n0 -5 0 0 (0, 0) True\n1 10 0 1 (0, 1) True\n-1 10 -1 9 (-1, 9) True\n1 -10 -1 -9 (-1, -9) True\n-1 0 0 2 -2\n"
