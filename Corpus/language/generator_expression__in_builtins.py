# Generator expressions consumed by builtins, including as the sole argument without extra parentheses.
nums = [4, -2, 7, 0, 3]
print(sum(n * n for n in nums))
print(sum((n for n in nums), 100))
print(any(n < 0 for n in nums), all(n < 10 for n in nums), any(n > 100 for n in nums))
print(min(abs(n) for n in nums), max(n % 5 for n in nums))
print(sorted(n for n in nums if n), sorted((n for n in nums), reverse=True))
print(list(n + 1 for n in nums), set(n % 2 for n in nums), tuple(n for n in nums if n > 0))
print(dict((str(n), n) for n in nums[:2]))
print(",".join(str(n) for n in nums), "".join(c for c in "a1b2" if c.isdigit()))
print(list(enumerate(c for c in "xy")), list(zip((n for n in nums), "abc")))
print(max((n for n in nums), key=lambda n: -n), min((n for n in []), default="none"))
print(len(list(c for c in "hello" if c in "lo")))
answer = sum(1 for n in nums if n > 0)

# expect status: ok
# expect answer: 3
# expect type: int
# expect stdout: "78\n112\nTrue True False\n0 4\n[-2, 3, 4, 7] [7, 4, 3, 0, -2]\n[5, -1, 8, 1, 4] {0, 1} (4, 7, 3)\n{'4': 4, '-2': -2}\n4,-2,7,0,3 12\n[(0, 'x'), (1, 'y')] [(4, 'a'), (-2, 'b'), (7, 'c')]\n-2 none\n3\n"
