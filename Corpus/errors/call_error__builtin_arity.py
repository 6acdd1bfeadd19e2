answer = len([1], [2])

# expect status: error
# expect error: TypeError "len() takes exactly one argument (2 given)"
# expect line: 1
