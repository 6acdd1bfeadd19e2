# isinstance with single types and tuples of types; type() identity.
values = [1, 2.5, "s", True, None, [1], (1,), {1: 2}, {1}, 10 ** 30]
for v in values:
    print(repr(v), isinstance(v, int), isinstance(v, (int, float)), isinstance(v, (list, tuple)), type(v) == int)
def describe(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, (int, float)):
        return "number"
    if isinstance(x, str):
        return "text"
    if isinstance(x, (list, tuple, set, dict)):
        return "container"
    return "other"
print([describe(v) for v in values])
print(isinstance(3, object), isinstance(ValueError(), Exception), isinstance(1, (str, (bytes, int))))
answer = [describe(v) for v in values]

# expect status: ok
# expect answer: ['number', 'number', 'text', 'bool', 'other', 'container', 'container', 'container', 'container', 'number']
# expect type: list
# expect stdout: "1 True True False True\n2.5 False True False False\n's' False False False False\nTrue True True False False\nNone False False False False\n[1] False False True False\n(1,) False False True False\n{1: 2} False False False False\n{1} False False False False\n1000000000000000000000000000000 True True False True\n['number', 'number', 'text', 'bool', 'other', 'container', 'container', 'container', 'container', 'number']\nTrue True True\n"
