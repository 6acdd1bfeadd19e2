# Set operators | & - ^ and comparisons.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print({1, 2} < a, a < a, a <= a, {1, 7} <= a, a > {1}, a == {4, 3, 2, 1})
c = set(a)
c |= {10}; c &= {1, 2, 10}; c -= {2}; c ^= {1, 20}
print(c)
print(len(a & b), 3 in a & b, sorted(a ^ b, reverse=True))
seen = set()
dups = []
for x in [4, 1, 4, 2, 1, 4]:
    if x in seen:
        dups.append(x)
    seen.add(x)
print(seen, dups)
answer = sorted((a | b) - (a & b))

# expect status: ok
# expect answer: [1, 2, 5, 6]
# expect type: list
# expect stdout: "{1, 2, 3, 4, 5, 6} {3, 4} {1, 2} {5, 6} {1, 2, 5, 6}\nTrue False True False True True\n{10, 20}\n2 True [6, 5, 2, 1]\n{1, 2, 4} [4, 1, 4]\n"
