# try/except/else/finally: which blocks run in each case.
log = []
def attempt(x):
    try:
        log.append("try")
        result = 10 / x
    except ZeroDivisionError:
        log.append("except")
        result = None
    else:
        log.append("else")
    finally:
        log.append("finally")
    return result
print(attempt(2), log)
log.clear()
print(attempt(0), log)
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        return f"bad: {e}"
print(parse("12"), parse("x1"))
try:
    pass
except Exception:
    print("never")
else:
    print("else after clean try")
answer = (attempt(4), parse("1.5"))

# expect status: ok
# expect answer: (2.5, "bad: invalid literal for int() with base 10: '1.5'")
# expect type: tuple
# expect stdout: "5.0 ['try', 'else', 'finally']\nNone ['try', 'except', 'finally']\n12 bad: invalid literal for int() with base 10: 'x1'\nelse after clean try\n"
