def double(x):
    return 2 * x
answer = double(1, 2)

# expect status: error
# expect error: TypeError "double() takes 1 positional argument but 2 were given"
# expect line: 3
