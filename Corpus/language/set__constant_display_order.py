# CPython folds a set display of constants (negative numbers, big ints, tuples and simple
# arithmetic included) into a frozenset constant, which fixes the order the set iterates in.
print({-35, 5, 3}, {-9, 6, 598}, {343, 651, -32, 12, 6})
print({3, 7, 18446744073709551615}, {9223372036854775808, 7, 15})
print({1000000000000000000000, 9, 123456789012345678901234567890, 5, 919})
print({2 * 3, -1 - 4, 2 ** 70, (1, -2), not 0, 10 // 3})
print({2 ** 200, 5, 13}, {'ab' * 3, 'x', 'yz'})
print([v for v in {-35, 5}], {-35, 5})
for v in {-35, 5, 3}:
    print(v, end=" ")
print()
n = -35
print({n, 5, 3}, set([-35, 5, 3]))
answer = sorted({-35, 5, 3} | {4, -8})

# expect status: ok
# expect answer: [-35, -8, 3, 4, 5]
# expect type: list
# expect stdout: "{-35, 3, 5} {-9, 598, 6} {-32, 6, 343, 651, 12}\n{3, 7, 18446744073709551615} {9223372036854775808, 7, 15}\n{1000000000000000000000, 5, 919, 123456789012345678901234567890, 9}\n{1180591620717411303424, True, 3, 6, (1, -2), -5}\n{1606938044258990275541962092341162602522202993782792835301376, 13, 5} {'ababab', 'yz', 'x'}\n[-35, 5] {5, -35}\n-35 3 5 \n{5, 3, -35} {5, 3, -35}\n"
