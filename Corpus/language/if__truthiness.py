# Truth values of every common type.
values = [0, 1, -1, 0.0, 0.5, -0.0, "", " ", "0", [], [0], (), (None,), {}, {0: 0}, set(), None, True, False, range(0), range(1)]
flags = [bool(v) for v in values]
print(flags)
truthy = [repr(v) for v in values if v]
print(truthy)
n = 0
if not n:
    print("zero is falsy")
answer = flags

# expect status: ok
# expect answer: [False, True, True, False, True, False, False, True, True, False, True, False, True, False, True, False, False, True, False, False, True]
# expect type: list
# expect stdout: "[False, True, True, False, True, False, False, True, True, False, True, False, True, False, True, False, False, True, False, False, True]\n['1', '-1', '0.5', \"' '\", \"'0'\", '[0]', '(None,)', '{0: 0}', 'True', 'range(0, 1)']\nzero is falsy\n"
