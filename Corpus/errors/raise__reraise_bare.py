try:
    int("abc")
except ValueError:
    print("logging and re-raising")
    raise
answer = 0

# expect status: error
# expect stdout: "logging and re-raising\n"
# expect error: ValueError "invalid literal for int() with base 10: 'abc'"
# expect line: 2
