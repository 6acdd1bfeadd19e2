# sal-only: resource limit
# A format spec can ask for a 10 GB field width.
s = '{:>10000000000}'.format(1)
answer = len(s)

# expect status: limit
# expect error: MemoryLimit
