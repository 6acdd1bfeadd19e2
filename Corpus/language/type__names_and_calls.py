# type() results print as classes; calling types converts.
print(type(1), type(1.0), type("a"), type([]), type(()), type({}), type(set()), type(None), type(True))
print(type(range(1)), type(len), type(lambda: 0), type(ValueError("x")))
print(type(1)("5") + 1, type("")(12), type([])("ab"), type(3.0)("2.5"))
print(type(7) is int, type(7) == float, type(2 ** 100) is int, type(1 / 1))
answer = [type(x) is int for x in (1, 1.0, True, "1")]

# expect status: ok
# expect answer: [True, False, False, False]
# expect type: list
# expect stdout: "<class 'int'> <class 'float'> <class 'str'> <class 'list'> <class 'tuple'> <class 'dict'> <class 'set'> <class 'NoneType'> <class 'bool'>\n<class 'range'> <class 'builtin_function_or_method'> <class 'function'> <class 'ValueError'>\n6 12 ['a', 'b'] 2.5\nTrue False True <class 'float'>\n"
