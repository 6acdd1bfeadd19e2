# How print renders values: str() at the top level, repr() inside containers.
print(1, 1.0, -0.5, 10**20, 1e22, True, None, "text")
print("quote's", ["quote's", 'say "hi"', "both '\""])
print([1.0, 2.50, 1/3], (1,), (), [], {}, set(), {1: "a"})
print({"k": [1, (2, 3)], "n": None}, [[], [[]]])
print(range(3), range(1, 10, 2), type(3), type("s"), len)
print("line1\nline2", "tab\there", ["line1\nline2"])
print("unicode: café ñ ü 日本", ["café"], "é" * 3)
print(float("inf"), -float("inf"), float("nan"), [float("inf")])
print(-0.0, 0.0 == -0.0, [-0.0], abs(-0.0))
answer = [1, 1.0, "1", (1,), None, True]

# expect status: ok
# expect answer: [1, 1.0, '1', (1,), None, True]
# expect type: list
# expect stdout: "1 1.0 -0.5 100000000000000000000 1e+22 True None text\nquote's [\"quote's\", 'say \"hi\"', 'both \\'\"']\n[1.0, 2.5, 0.3333333333333333] (1,) () [] {} set() {1: 'a'}\n{'k': [1, (2, 3)], 'n': None} [[], [[]]]\nrange(0, 3) range(1, 10, 2) <class 'int'> <class 'str'> <built-in function len>\nline1\nline2 tab\there ['line1\\nline2']\nunicode: café ñ ü 日本 ['café'] ééé\ninf -inf nan [inf]\n-0.0 True [-0.0] 0.0\n"
