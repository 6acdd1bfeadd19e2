# Uncaught ZeroDivisionError from true division of ints, after some output.
total = 120
people = 0
print("splitting the bill")
answer = total / people

# expect status: error
# expect stdout: "splitting the bill\n"
# expect error: ZeroDivisionError "division by zero"
# expect line: 5
