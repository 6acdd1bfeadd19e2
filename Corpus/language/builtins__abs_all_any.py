# abs, all and any, including empty iterables and non-bool values.
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(-10 ** 30), abs(True), abs(float("-inf")))
print(all([]), any([]), all([1, "x", [0]]), all([1, 0]), any([0, "", None]), any([0, "0"]))
print(all(x > 0 for x in [1, 2]), any(c.isdigit() for c in "abc1"), all("abc"), any({}))
readings = [12.5, -3.0, 7.25]
print(max(abs(r) for r in readings), sum(abs(r) for r in readings))
answer = [abs(-7), all([True, 1]), any([0, 0.0])]

# expect status: ok
# expect answer: [7, True, False]
# expect type: list
# expect stdout: "5 5 2.5 0.0 1000000000000000000000000000000 1 inf\nTrue False True False False True\nTrue True True False\n12.5 22.75\n"
