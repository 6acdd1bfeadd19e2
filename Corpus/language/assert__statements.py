# assert passes silently when true; a failing assert can be caught with its message.
x = 10
assert x > 5
assert x == 10, "x should be 10"
assert [1], "non-empty lists are true"
try:
    assert x < 5, f"x was {x}"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
def checked_divide(a, b):
    assert b != 0, "b must not be zero"
    return a / b
answer = checked_divide(9, 3)
print(answer)

# expect status: ok
# expect answer: 3.0
# expect type: float
# expect stdout: "AssertionError: x was 10 ('x was 10',)\nbare assert: AssertionError() ()\n3.0\n"
