# dict comprehensions, with conditions, from zip, and inverting a mapping.
squares = {n: n * n for n in range(6)}
print(squares)
evens = {k: v for k, v in squares.items() if k % 2 == 0}
print(evens)
prices = dict(zip(["tea", "cake", "jam"], [2.5, 4.0, 3.25]))
taxed = {item: round(p * 1.2, 2) for item, p in prices.items()}
print(taxed)
inverse = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverse)
lengths = {w: len(w) for w in "the quick brown fox".split() if len(w) > 3}
print(lengths)
grid = {(r, c): r * 3 + c for r in range(2) for c in range(3)}
print(grid)
answer = taxed

# expect status: ok
# expect answer: {'tea': 3.0, 'cake': 4.8, 'jam': 3.9}
# expect type: dict
# expect stdout: "{0: 0, 1: 1, 2: 4, 3: 9, 4: 16, 5: 25}\n{0: 0, 2: 4, 4: 16}\n{'tea': 3.0, 'cake': 4.8, 'jam': 3.9}\n{1: 'c', 2: 'b'}\n{'quick': 5, 'brown': 5}\n{(0, 0): 0, (0, 1): 1, (0, 2): 2, (1, 0): 3, (1, 1): 4, (1, 2): 5}\n"
