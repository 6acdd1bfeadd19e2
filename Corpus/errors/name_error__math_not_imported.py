# Using math without importing it.
radius = 2
answer = math.pi * radius ** 2

# expect status: error
# expect error: NameError "name 'math' is not defined"
# expect line: 3
