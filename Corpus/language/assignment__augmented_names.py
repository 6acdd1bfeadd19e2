# Augmented assignment on plain names, for every arithmetic and bitwise operator.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 7; print(x)
x **= 3; print(x)
x /= 2; print(x)
n = 6
n <<= 2; print(n)
n >>= 1; print(n)
n |= 1; print(n)
n &= 14; print(n)
n ^= 5; print(n)
s = "ab"
s += "cd"; s *= 2; print(s)
lst = [1]
alias = lst
lst += [2]        # in-place: alias sees it
print(alias)
t = (1,)
t_alias = t
t += (2,)         # new tuple: alias does not
print(t, t_alias)
answer = (x, n, s, alias, t, t_alias)

# expect status: ok
# expect answer: (4.0, 9, 'abcdabcd', [1, 2], (1, 2), (1,))
# expect type: tuple
# expect stdout: "15\n12\n48\n9\n2\n8\n4.0\n24\n12\n13\n12\n9\nabcdabcd\n[1, 2]\n(1, 2) (1,)\n"
