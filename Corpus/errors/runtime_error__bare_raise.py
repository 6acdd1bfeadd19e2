# A bare `raise` re-raises the exception being handled, also from a function called inside the
# handler; with nothing handled it is a RuntimeError.
def reraise():
    raise

def handled_elsewhere():
    try:
        reraise()
    except RuntimeError as error:
        return "nothing to re-raise: " + str(error)

try:
    int("seven")
except ValueError:
    try:
        reraise()
    except ValueError as error:
        print("re-raised:", error)

try:
    {}["outer"]
except KeyError:
    try:
        [][1]
    except IndexError:
        try:
            reraise()
        except LookupError as error:
            print("innermost:", repr(error))
    try:
        reraise()
    except KeyError as error:
        print("after the inner handler:", error)

try:
    try:
        1 / 0
    finally:
        print("finally sees:", handled_elsewhere())  # re-raises the ZeroDivisionError
except ZeroDivisionError as error:
    print("propagated:", error)

print(handled_elsewhere())
answer = sorted([3, 1, 2], key=lambda x: -x)
raise

# expect status: error
# expect stdout: "re-raised: invalid literal for int() with base 10: 'seven'\ninnermost: IndexError('list index out of range')\nafter the inner handler: 'outer'\npropagated: division by zero\nnothing to re-raise: No active exception to reraise\n"
# expect error: RuntimeError "No active exception to reraise"
# expect line: 45
