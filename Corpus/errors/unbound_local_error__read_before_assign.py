total = 10
def report():
    print(total)
    total = 20
    return total
answer = report()

# expect status: error
# expect error: UnboundLocalError "cannot access local variable 'total' where it is not associated with a value"
# expect line: 3
