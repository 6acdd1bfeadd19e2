# set comprehensions remove duplicates; printed through sorted() for a stable order.
remainders = {n % 7 for n in range(50)}
print(sorted(remainders), len(remainders))
letters = {c for c in "hello world" if c.isalpha()}
print(sorted(letters))
pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
print(sorted(pairs))
unique_lengths = {len(w) for w in ["a", "bb", "cc", "ddd"]}
print(unique_lengths)
answer = sorted(pairs)

# expect status: ok
# expect answer: [(0, 1), (0, 2), (1, 2)]
# expect type: list
# expect stdout: "[0, 1, 2, 3, 4, 5, 6] 7\n['d', 'e', 'h', 'l', 'o', 'r', 'w']\n[(0, 1), (0, 2), (1, 2)]\n{1, 2, 3}\n"
