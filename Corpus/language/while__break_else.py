# while loops with break, continue and else.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    print("i =", i)
else:
    print("while-else runs when the condition becomes false")
j = 0
while True:
    j += 1
    if j * j > 50:
        break
else:
    print("never printed")
print("j", j)
answer = (steps, i, j)

# expect status: ok
# expect answer: (111, 5, 8)
# expect type: tuple
# expect stdout: "collatz steps 111\ni = 1\ni = 2\ni = 4\ni = 5\nwhile-else runs when the condition becomes false\nj 8\n"
