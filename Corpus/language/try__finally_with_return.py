# return inside try and finally: finally always runs, and a return in finally wins.
def returns_in_try():
    try:
        return "try"
    finally:
        print("finally runs before returning")
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
def finally_swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
def value_captured_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 2
def except_returns():
    try:
        1 / 0
    except ZeroDivisionError:
        return "except"
    finally:
        print("finally after except")
print(returns_in_try())
print(finally_overrides())
print(finally_swallows_exception())
print(value_captured_before_finally())
print(except_returns())
answer = [finally_overrides(), value_captured_before_finally()]

# expect status: ok
# expect answer: ['finally', 1]
# expect type: list
# expect stdout: "finally runs before returning\ntry\nfinally\nswallowed\n1\nfinally after except\nexcept\n"
