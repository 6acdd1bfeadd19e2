# Assignment expressions (:=) in conditions, loops and comprehensions.
data = [4, 9, 15, 2, 30]
if (n := len(data)) > 3:
    print(f"list has {n} items")
values = iter(data)
total = 0
while (v := next(values, None)) is not None:
    total += v
print(total)
squares = [y for x in data if (y := x * x) > 50]
print(squares, y)
print((z := 5) * 2, z)
answer = [last := x for x in range(3)] + [last]

# expect status: ok
# expect answer: [0, 1, 2, 2]
# expect type: list
# expect stdout: "list has 5 items\n60\n[81, 225, 900] 900\n10 5\n"
