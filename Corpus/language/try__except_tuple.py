# One handler for several exception types, and handler order.
def classify(action):
    try:
        action()
    except (ZeroDivisionError, ValueError) as e:
        return f"math-or-value: {type(e)}"
    except (KeyError, IndexError) as e:
        return f"lookup: {type(e)}"
    except Exception as e:
        return f"other: {type(e)}: {e}"
    return "no error"
actions = [lambda: 1 / 0, lambda: int("z"), lambda: {}["a"], lambda: [][1], lambda: None + 1, lambda: 5]
results = [classify(a) for a in actions]
for r in results:
    print(r)
errors = (TypeError, AttributeError)
try:
    "abc".missing_method()
except errors as e:
    print("caught via a tuple variable:", type(e))
answer = results

# expect status: ok
# expect answer: ["math-or-value: <class 'ZeroDivisionError'>", "math-or-value: <class 'ValueError'>", "lookup: <class 'KeyError'>", "lookup: <class 'IndexError'>", "other: <class 'TypeError'>: unsupported operand type(s) for +: 'NoneType' and 'int'", 'no error']
# expect type: list
# expect stdout: "math-or-value: <class 'ZeroDivisionError'>\nmath-or-value: <class 'ValueError'>\nlookup: <class 'KeyError'>\nlookup: <class 'IndexError'>\nother: <class 'TypeError'>: unsupported operand type(s) for +: 'NoneType' and 'int'\nno error\ncaught via a tuple variable: <class 'AttributeError'>\n"
