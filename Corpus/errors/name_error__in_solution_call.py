# The error happens when the harness calls solution().
def solution():
    result = helper(3)
    return result

# expect status: error
# expect error: NameError "name 'helper' is not defined"
# expect line: 3
