names = ["a", "b"]
answer = f"{'\n'.join(names)}"

# expect status: syntax
# expect error: SyntaxError "f-string expression part cannot include a backslash"
# expect line: 2
