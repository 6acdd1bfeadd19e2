# 1, 1.0 and True are the same dict key; the first key object inserted is kept.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d)
e = {True: "yes", 1: "one", 1.0: "float one"}
print(e, len(e))
f = {0: "zero", False: "false", 0.0: "z", -0.0: "neg"}
print(f)
g = {2.5: "a", 2: "b"}
print(g[2.0], g[2.5])
s = {1, 1.0, True, 2, 2.0}
print(s)
answer = (d, e, f)

# expect status: ok
# expect answer: ({1: 'bool'}, {True: 'float one'}, {0: 'neg'})
# expect type: tuple
# expect stdout: "{1: 'bool'}\n{True: 'float one'} 1\n{0: 'neg'}\nb a\n{1, 2}\n"
