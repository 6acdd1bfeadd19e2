# break and continue inside try/finally inside loops.
events = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        events.append(f"body {i}")
    finally:
        events.append(f"finally {i}")
print(events)
count = 0
while True:
    try:
        count += 1
        if count == 3:
            break
    finally:
        print("cleanup", count)
def loop_return():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("leaving iteration", i)
print(loop_return())
total = 0
for i in range(4):
    try:
        if i % 2:
            raise ValueError(i)
        total += i
    except ValueError:
        continue
    finally:
        total += 100
print(total)
answer = (events, count, total)

# expect status: ok
# expect answer: (['body 0', 'finally 0', 'finally 1', 'body 2', 'finally 2', 'finally 3'], 3, 402)
# expect type: tuple
# expect stdout: "['body 0', 'finally 0', 'finally 1', 'body 2', 'finally 2', 'finally 3']\ncleanup 1\ncleanup 2\ncleanup 3\nleaving iteration 0\nleaving iteration 1\n1\n402\n"
