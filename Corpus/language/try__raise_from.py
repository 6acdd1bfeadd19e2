# raise ... from ... and raise ... from None: the new exception is what handlers see.
def convert(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"cannot convert {text!r}") from e
try:
    convert("abc")
except RuntimeError as e:
    print("caught:", e, e.args)
def quiet(text):
    try:
        return int(text)
    except ValueError:
        raise LookupError("quiet failure") from None
try:
    quiet("x")
except LookupError as e:
    print("caught:", repr(e))
try:
    raise ValueError("outer") from KeyError("inner")
except KeyError:
    print("never: the cause is not what is raised")
except ValueError as e:
    print("ValueError:", e)
answer = convert("42")

# expect status: ok
# expect answer: 42
# expect type: int
# expect stdout: "caught: cannot convert 'abc' (\"cannot convert 'abc'\",)\ncaught: LookupError('quiet failure')\nValueError: outer\n"
