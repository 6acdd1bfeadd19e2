total = 7
assert total % 2 == 0, f"total must be even, got {total}"
answer = total

# expect status: error
# expect error: AssertionError "total must be even, got 7"
# expect line: 2
