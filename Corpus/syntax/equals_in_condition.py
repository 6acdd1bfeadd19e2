x = 3
if x = 3:
    answer = "three"

# expect status: syntax
# expect error: SyntaxError "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
# expect line: 2
