# sal-only: resource limit
# Each step is small, but the repetition asks for about 20 GB.
line = ' '.join(['a'] * 10 ** 5)
s = line * 10 ** 5
answer = len(s)

# expect status: limit
# expect error: MemoryLimit
