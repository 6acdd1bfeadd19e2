# str(e), repr(e) and e.args for builtin exceptions raised by the runtime and by the program.
def capture(action):
    try:
        action()
    except Exception as e:
        return (type(e), str(e), e.args)
cases = [
    lambda: 1 / 0,
    lambda: {"a": 1}["b"],
    lambda: [1, 2][5],
    lambda: int("4.5"),
    lambda: undefined_name,
]
for c in cases:
    print(capture(c))
def raise_it(exc):
    raise exc
print(capture(lambda: raise_it(ValueError("one", 2))))
print(capture(lambda: raise_it(ValueError())))
print(capture(lambda: raise_it(KeyError("quoted key"))))
e = ValueError("bad value", 42)
print(repr(e), str(e), e.args[1])
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), repr(ZeroDivisionError()))
answer = capture(lambda: raise_it(IndexError("custom index message")))

# expect status: ok
# expect answer: (<class 'IndexError'>, 'custom index message', ('custom index message',))
# expect type: tuple
# expect stdout: "(<class 'ZeroDivisionError'>, 'division by zero', ('division by zero',))\n(<class 'KeyError'>, \"'b'\", ('b',))\n(<class 'IndexError'>, 'list index out of range', ('list index out of range',))\n(<class 'ValueError'>, \"invalid literal for int() with base 10: '4.5'\", (\"invalid literal for int() with base 10: '4.5'\",))\n(<class 'NameError'>, \"name 'undefined_name' is not defined\", (\"name 'undefined_name' is not defined\",))\n(<class 'ValueError'>, \"('one', 2)\", ('one', 2))\n(<class 'ValueError'>, '', ())\n(<class 'KeyError'>, \"'quoted key'\", ('quoted key',))\nValueError('bad value', 42) ('bad value', 42) 42\nKeyError('k') 'k'  ZeroDivisionError()\n"
