class = "math"
answer = class

# expect status: syntax
# expect error: SyntaxError "invalid syntax"
# expect line: 1
