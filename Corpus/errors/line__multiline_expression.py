# The reported line is the one holding the failing operation inside a multi-line expression.
values = [1, 2, 0]
total = (
    10 / values[0]
    + 10 / values[1]
    + 10 / values[2]
)
answer = total

# expect status: error
# expect error: ZeroDivisionError "division by zero"
# expect line: 6
