def greet(name):
    return "hi " + name
answer = greet(nme="Ann")

# expect status: error
# expect error: TypeError "greet() got an unexpected keyword argument 'nme'"
# expect line: 3
