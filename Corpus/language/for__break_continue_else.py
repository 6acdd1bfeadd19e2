# for loops with break, continue and else.
def first_divisor(n):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        return None  # loop ended without break
    return d

print([first_divisor(n) for n in (9, 7, 15, 2)])
odds = []
for i in range(10):
    if i % 2 == 0:
        continue
    odds.append(i)
print(odds)
for x in []:
    print("never")
else:
    print("else runs on empty loop")
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = v
            break
    else:
        continue
    break
print("found", found)
for i in range(3):
    pass
print("loop var after loop:", i)
answer = (odds, found, i)

# expect status: ok
# expect answer: ([1, 3, 5, 7, 9], 4, 2)
# expect type: tuple
# expect stdout: "[3, None, 3, None]\n[1, 3, 5, 7, 9]\nelse runs on empty loop\nfound 4\nloop var after loop: 2\n"
