# A syntax error far down still rejects the whole program, so nothing runs.
print("never printed")
a = 1
b = 2
c = a +* b
answer = c

# expect status: syntax
# expect error: SyntaxError "invalid syntax"
# expect line: 5
