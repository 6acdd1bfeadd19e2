# A function that forgot to return gives None, which then fails in arithmetic.
def price_with_tax(p):
    p * 1.1

answer = price_with_tax(10) + 5

# expect status: error
# expect error: TypeError "unsupported operand type(s) for +: 'NoneType' and 'int'"
# expect line: 5
