def solution():
return 42

# expect status: syntax
# expect error: IndentationError "expected an indented block after function definition on line 1"
# expect line: 2
