# Assigning to a global name inside a function without 'global' makes it local everywhere in the function.
count = 0
def increment():
    count += 1
    return count
answer = increment()

# expect status: error
# expect error: UnboundLocalError "cannot access local variable 'count' where it is not associated with a value"
# expect line: 4
