# "solution" is bound to a number, so the harness call of solution() fails (no program line).
solution = 42

# expect status: error
# expect error: TypeError "'int' object is not callable"
