# Tuples compare lexicographically; that is how sorted orders them.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 2) == (1, 2.0))
print((0, "b") < (0, "c"), () < (0,), (1, 2, 3) >= (1, 2, 3))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), max(pairs), min(pairs))
print([1, 2] == (1, 2), (1, [2]) == (1, [2]))
answer = sorted(pairs, reverse=True)

# expect status: ok
# expect answer: [(2, 'b'), (2, 'a'), (1, 'z'), (1, 'a')]
# expect type: list
# expect stdout: "True True True True\nTrue True True\n[(1, 'a'), (1, 'z'), (2, 'a'), (2, 'b')] (2, 'b') (1, 'a')\nFalse True\n"
