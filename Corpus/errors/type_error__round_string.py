answer = round("3.7")

# expect status: error
# expect error: TypeError "type str doesn't define __round__ method"
# expect line: 1
