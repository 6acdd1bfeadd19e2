# range with one, two and three arguments, negative steps, and its object behaviour.
print(list(range(5)))
print(list(range(2, 8)))
print(list(range(10, 0, -3)))
print(list(range(0, 10, 4)))
print(list(range(5, 5)), list(range(5, 0)))
r = range(1, 20, 3)
print(r, len(r), r[2], r[-1], 10 in r, 11 in r)
print(r[1:4], r[::-1])
print(range(0), range(3) == range(0, 3, 1))
total = 0
for k in range(100, 0, -7):
    total += k
print(total)
print(sum(range(1, 101)), max(range(-5, 5)))
answer = total

# expect status: ok
# expect answer: 765
# expect type: int
# expect stdout: "[0, 1, 2, 3, 4]\n[2, 3, 4, 5, 6, 7]\n[10, 7, 4, 1]\n[0, 4, 8]\n[] []\nrange(1, 20, 3) 7 7 19 True False\nrange(4, 13, 3) range(19, -2, -3)\nrange(0, 0) True\n765\n5050 4\n"
