# str() and repr() of every basic type, and string concatenation after conversion.
values = [1, -1.5, 2.0, 1e100, True, None, "s", [1, "a"], (1,), {"k": 1.0}, {2}, range(2), 10 ** 25]
for v in values:
    print(str(v), "|", repr(v))
total = 42
print("The total is " + str(total) + " dollars")
print(str(3) * 3, str(0.1 + 0.2), str(-0.0), str(1/3))
print(len(str(2 ** 100)), str(123)[::-1], int(str(123)[::-1]) * 2)
answer = [str(v) for v in values]

# expect status: ok
# expect answer: ['1', '-1.5', '2.0', '1e+100', 'True', 'None', 's', "[1, 'a']", '(1,)', "{'k': 1.0}", '{2}', 'range(0, 2)', '10000000000000000000000000']
# expect type: list
# expect stdout: "1 | 1\n-1.5 | -1.5\n2.0 | 2.0\n1e+100 | 1e+100\nTrue | True\nNone | None\ns | 's'\n[1, 'a'] | [1, 'a']\n(1,) | (1,)\n{'k': 1.0} | {'k': 1.0}\n{2} | {2}\nrange(0, 2) | range(0, 2)\n10000000000000000000000000 | 10000000000000000000000000\nThe total is 42 dollars\n333 0.30000000000000004 -0.0 0.3333333333333333\n31 321 642\n"
