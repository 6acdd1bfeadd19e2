def area(width, height):
    return width * height
answer = area(5)

# expect status: error
# expect error: TypeError "area() missing 1 required positional argument: 'height'"
# expect line: 3
