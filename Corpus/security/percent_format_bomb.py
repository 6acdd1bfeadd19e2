# sal-only: sandbox
template = '%s' * 10 ** 9
answer = len(template)

# expect status: limit
# expect error: MemoryLimit
