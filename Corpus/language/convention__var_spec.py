# sal-answer: var:result
# The answer spec names another variable.
answer = "not this one"
result = {"apples": 3, "pears": 5}
print(sum(result.values()))

# expect status: ok
# expect answer: {'apples': 3, 'pears': 5}
# expect type: dict
# expect stdout: "8\n"
