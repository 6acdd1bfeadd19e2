# splitlines with and without keepends, over every line-boundary style.
text = "first\nsecond\r\nthird\rfourth\n\nsixth"
print(text.splitlines())
print(text.splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "a\n".splitlines(), "a\n\n".splitlines(True))
print("one\x0btwo\x0cthree\x1cfour\u2028five".splitlines())
poem = """Roses are red,
Violets are blue,
Sugar is sweet."""
lines = poem.splitlines()
print(len(lines), [l.split()[0] for l in lines])
answer = text.splitlines()

# expect status: ok
# expect answer: ['first', 'second', 'third', 'fourth', '', 'sixth']
# expect type: list
# expect stdout: "['first', 'second', 'third', 'fourth', '', 'sixth']\n['first\\n', 'second\\r\\n', 'third\\r', 'fourth\\n', '\\n', 'sixth']\n[] [''] ['a'] ['a\\n', '\\n']\n['one', 'two', 'three', 'four', 'five']\n3 ['Roses', 'Violets', 'Sugar']\n"
