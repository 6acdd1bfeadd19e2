data = ["1", "2", "three", "4"]
numbers = [
    int(x)
    for x in data
]
answer = sum(numbers)

# expect status: error
# expect error: ValueError "invalid literal for int() with base 10: 'three'"
# expect line: 3
