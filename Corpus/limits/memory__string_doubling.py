# sal-only: resource limit
s = "ab"
for _ in range(100):
    s += s
answer = len(s)

# expect status: limit
# expect error: MemoryLimit
