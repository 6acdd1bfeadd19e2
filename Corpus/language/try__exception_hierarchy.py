# Base classes catch subclasses: ArithmeticError, LookupError, Exception.
def catch(action):
    try:
        action()
    except LookupError as e:
        return f"LookupError caught {e!r}"
    except ArithmeticError as e:
        return f"ArithmeticError caught {e!r}"
    except Exception as e:
        return f"Exception caught {e!r}"
results = [
    catch(lambda: {}[0]),
    catch(lambda: "abc"[9]),
    catch(lambda: 5 % 0),
    catch(lambda: 2.0 ** 5000),
    catch(lambda: int("?")),
    catch(lambda: [].pop()),
    catch(lambda: len(5)),
]
print(results)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, Exception), isinstance(ValueError("x"), Exception))
try:
    raise Exception("generic")
except Exception as e:
    print(type(e), e)
answer = results

# expect status: ok
# expect answer: ['LookupError caught KeyError(0)', "LookupError caught IndexError('string index out of range')", "ArithmeticError caught ZeroDivisionError('integer modulo by zero')", "ArithmeticError caught OverflowError(34, 'Numerical result out of range')", 'Exception caught ValueError("invalid literal for int() with base 10: \'?\'")', "LookupError caught IndexError('pop from empty list')", 'Exception caught TypeError("object of type \'int\' has no len()")']
# expect type: list
# expect stdout: "['LookupError caught KeyError(0)', \"LookupError caught IndexError('string index out of range')\", \"ArithmeticError caught ZeroDivisionError('integer modulo by zero')\", \"ArithmeticError caught OverflowError(34, 'Numerical result out of range')\", 'Exception caught ValueError(\"invalid literal for int() with base 10: \\'?\\'\")', \"LookupError caught IndexError('pop from empty list')\", 'Exception caught TypeError(\"object of type \\'int\\' has no len()\")']\nTrue True True\n<class 'Exception'> generic\n"
