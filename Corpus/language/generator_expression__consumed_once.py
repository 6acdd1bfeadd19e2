# A generator expression is an iterator: it is exhausted after one pass; next() with defaults.
g = (n * 2 for n in range(4))
print(next(g), next(g))
print(list(g))
print(list(g), sum(g))
evens = (n for n in range(10) if n % 2 == 0)
print(4 in evens, list(evens))
first_big = next((n for n in [3, 8, 12, 20] if n > 10), None)
none_big = next((n for n in [1, 2] if n > 10), "not found")
print(first_big, none_big)
it = iter([1, 2, 3])
print(next(it), list(it))
answer = (first_big, none_big)

# expect status: ok
# expect answer: (12, 'not found')
# expect type: tuple
# expect stdout: "0 2\n[4, 6]\n[] 0\nTrue [6, 8]\n12 not found\n1 [2, 3]\n"
